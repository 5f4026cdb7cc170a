namespace Crm.Sdk.Pipelines;

/// <summary>
/// Which pipelines <see cref="IPipelineService.ListAsync"/> and <see cref="IPipelineService.StreamAsync"/> return,
/// ordered by name.
/// </summary>
public sealed record PipelineFilter
{
    /// <summary>Every pipeline.</summary>
    public static PipelineFilter All { get; } = new();

    /// <summary>The start of the name, compared by case-folded key (Unicode NFKC_Casefold, the same on every host).</summary>
    public string? NamePrefix { get; init; }
}
