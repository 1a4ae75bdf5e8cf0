"use client";

/** The Sites tab with no site yet: three steps from an empty project to a ranking. */
export function GettingStarted({ scenarioTitle }: { scenarioTitle: string | null }) {
  return (
    <ol className="getting-started" data-testid="getting-started" aria-label="Getting started">
      <li><strong>Add candidate sites</strong>: search a place below, import a CSV or GeoJSON, or click the map and choose “Add as candidate site”.</li>
      <li><strong>Check the scenario</strong>: {scenarioTitle ? <>the project ranks with “{scenarioTitle}”; </> : null}weights, value functions and constraints are in the Scenario tab.</li>
      <li><strong>Read the ranking</strong> on the right: click a site for its breakdown, compare sites, test robustness, make a report.</li>
    </ol>
  );
}
