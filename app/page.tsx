export default function Home() {
  return <main><h1>Siting Atlas</h1></main>;
}
