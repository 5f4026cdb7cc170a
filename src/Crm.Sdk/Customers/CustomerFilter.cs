namespace Crm.Sdk.Customers;

/// <summary>
/// Which customers <see cref="ICustomerService.ListAsync"/> and <see cref="ICustomerService.StreamAsync"/> return; every
/// criterion is optional and they combine with AND.
/// </summary>
public sealed record CustomerFilter
{
    /// <summary>Every customer.</summary>
    public static CustomerFilter All { get; } = new();

    /// <summary>
    /// The start of the display name (with encrypted names, also the start of any of its words), compared by case-folded
    /// key (Unicode NFKC_Casefold, the same on every host): <c>foo</c> finds <c>Ｆｏｏ Bar</c>, <c>strasse</c> finds
    /// <c>Straße</c>, <c>Renée</c> finds <c>Rene&#x301;e</c>; accents count (<c>renee</c> does not find <c>Renée</c>).
    /// The prefix matches whole characters (text elements): <c>q</c> does not find <c>q&#x303;</c>. With encrypted names it
    /// needs 2 characters, or 1 Chinese, Japanese or Korean character (<c>王</c> finds <c>王小明</c>), and a change between
    /// such characters and others inside a word also starts a searchable part (<c>株式</c> finds <c>ACME株式会社</c>).
    /// </summary>
    public string? NamePrefix { get; init; }

    /// <summary>A tag the customer carries.</summary>
    public string? Tag { get; init; }

    /// <summary>The lifecycle stage.</summary>
    public LifecycleStage? LifecycleStage { get; init; }

    /// <summary>The owner (a user id of the host).</summary>
    public string? OwnerId { get; init; }
}
