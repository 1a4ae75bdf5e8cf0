/** Draws a chart Scene (server/documents/scene/scene.ts) as inline SVG; text is React text, never markup. */
import type { Scene } from "@/server/documents/scene/scene";

export function SceneSvg({ scene, className }: { scene: Scene; className?: string }) {
  const titleId = `t-${scene.title.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 40)}-${scene.items.length}`;
  return (
    <svg viewBox={`0 0 ${scene.width} ${scene.height}`} role="img" aria-labelledby={titleId} className={className} style={{ width: "100%", maxWidth: `${scene.width * 1.6}px`, height: "auto", fontFamily: "inherit", overflow: "visible" }}>
      <title id={titleId}>{`${scene.title}. ${scene.description}`}</title>
      {scene.items.map((it, i) => {
        switch (it.kind) {
          case "rect":
            return <rect key={i} x={it.x} y={it.y} width={Math.max(0, it.w)} height={Math.max(0, it.h)} fill={it.fill} stroke={it.stroke} strokeWidth={it.stroke ? (it.strokeWidth ?? 0.5) : undefined} />;
          case "line":
            return <line key={i} x1={it.x1} y1={it.y1} x2={it.x2} y2={it.y2} stroke={it.stroke} strokeWidth={it.strokeWidth} strokeDasharray={it.dash} />;
          case "path":
            return it.d ? <path key={i} d={it.d} fill={it.fill} stroke={it.stroke} strokeWidth={it.stroke ? (it.strokeWidth ?? 0.5) : undefined} strokeDasharray={it.dash} /> : null;
          case "circle":
            return <circle key={i} cx={it.cx} cy={it.cy} r={it.r} fill={it.fill} stroke={it.stroke} strokeWidth={it.stroke ? (it.strokeWidth ?? 0.5) : undefined} />;
          case "text":
            return <text key={i} x={it.x} y={it.y} fontSize={it.size} textAnchor={it.anchor ?? "start"} fontWeight={it.bold ? 700 : 400} fill={it.fill ?? "#1a1a1a"}>{it.text}</text>;
        }
      })}
    </svg>
  );
}
