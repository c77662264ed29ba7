/**
 * The listing as a report, for the formats that print findings (JUnit, TAP, SARIF): one `info`
 * finding per entry, its message the heading and the details. Nothing fails.
 */
export function listingReport(listing) {
    const findings = listing.entries.map((e) => ({
        check: listing.check,
        severity: 'info',
        file: e.file,
        object: e.object,
        message: [e.heading, ...e.details.map(([label, text]) => `${label}: ${text}`)].join('; '),
    }));
    return { results: [], findings, files: [...new Set(listing.entries.map((e) => e.file))] };
}
