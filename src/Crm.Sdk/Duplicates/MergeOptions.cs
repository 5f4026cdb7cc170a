namespace Crm.Sdk.Duplicates;

/// <summary>
/// How <see cref="IDuplicateService.MergeAsync"/> combines two customers. Multi-valued fields (emails, phones, addresses,
/// tags, external ids) always keep the values of both; consents are combined with the most restrictive winning; the
/// survivor keeps its id, kind, owner and creation time.
/// </summary>
public sealed record MergeOptions
{
    /// <summary>How single-valued fields are chosen; <see cref="Survivorship.MostComplete"/> by default.</summary>
    public Survivorship Survivorship { get; init; } = Survivorship.MostComplete;

    /// <summary>The external-id source whose record wins with <see cref="Survivorship.PreferredSource"/> (for example <c>erp</c>).</summary>
    public string? PreferredSource { get; init; }
}
