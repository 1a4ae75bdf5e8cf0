"use client";

/**
 * The choice offered on a first visit (issue 16): open the demonstration project — ten sites ranked
 * at once — or start an empty project with the default scenario. Sits at the top of the Sites tab, so
 * the map and every other control stay usable.
 */
export function FirstScreen({ presetTitle, onDemo, onEmpty }: { presetTitle: string | null; onDemo: () => void; onEmpty: () => void }) {
  return (
    <section className="first-screen" aria-labelledby="first-screen-title" data-testid="first-screen">
      <h2 id="first-screen-title">Start here</h2>
      <p>Compare candidate sites for a hyperscale AI data centre on carbon, power, cooling, risk and data rules.</p>
      <div className="first-actions">
        <button type="button" className="primary" onClick={onDemo} disabled={!presetTitle}>Open the demonstration project</button>
        <button type="button" onClick={onEmpty} disabled={!presetTitle}>Start an empty project</button>
      </div>
      <p className="hint">
        The demonstration ranks ten sites in the Nordics, the US, the Gulf and Asia under the “{presetTitle ?? "AI training campus"}” scenario.
        An empty project starts with the same scenario; change it in the Scenario tab.
      </p>
    </section>
  );
}
