namespace Crm.Sdk.Benchmarks.Ways;

/// <summary>One page of a timeline as a way read it.</summary>
internal sealed record TimelinePage(int Count, long Check, object? Next);
