/** Draws a chart Scene (server/documents/scene/scene.ts) with @react-pdf/renderer's SVG primitives. */
import type { Scene } from "@/server/documents/scene/scene";
import { FONT_STACK, rp } from "@/server/documents/pdf/reactPdf";

export function SceneSvg({ scene, width }: { scene: Scene; width?: number }) {
  const { Svg, Rect, Line, Path, Circle, Text } = rp();
  const w = width ?? scene.width;
  const h = (scene.height * w) / scene.width;
  return (
    <Svg width={w} height={h} viewBox={`0 0 ${scene.width} ${scene.height}`}>
      {scene.items.map((it, i) => {
        switch (it.kind) {
          case "rect":
            return <Rect key={i} x={it.x} y={it.y} width={Math.max(0, it.w)} height={Math.max(0, it.h)} fill={it.fill} {...(it.stroke ? { stroke: it.stroke, strokeWidth: it.strokeWidth ?? 0.5 } : {})} />;
          case "line":
            return <Line key={i} x1={it.x1} y1={it.y1} x2={it.x2} y2={it.y2} stroke={it.stroke} strokeWidth={it.strokeWidth} {...(it.dash ? { strokeDasharray: it.dash } : {})} />;
          case "path":
            return it.d ? <Path key={i} d={it.d} fill={it.fill} {...(it.stroke ? { stroke: it.stroke, strokeWidth: it.strokeWidth ?? 0.5 } : {})} {...(it.dash ? { strokeDasharray: it.dash } : {})} /> : null;
          case "circle":
            return <Circle key={i} cx={it.cx} cy={it.cy} r={it.r} fill={it.fill} {...(it.stroke ? { stroke: it.stroke, strokeWidth: it.strokeWidth ?? 0.5 } : {})} />;
          case "text": {
            // SVG text in react-pdf takes font settings through `style`; its typings list only presentation attributes.
            const style = { fontFamily: FONT_STACK, fontSize: it.size, fontWeight: it.bold ? 700 : 400 } as unknown as { fill: string };
            return <Text key={i} x={it.x} y={it.y} textAnchor={it.anchor ?? "start"} fill={it.fill ?? "#1a1a1a"} style={style}>{it.text}</Text>;
          }
        }
      })}
    </Svg>
  );
}
