namespace Crm.Sdk;

/// <summary>Which page of a list to fetch: its size, and where the previous page stopped.</summary>
/// <param name="PageSize">How many items, from 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="ContinuationToken">
/// The token from the previous <see cref="Page{T}"/> of the same list, unchanged, or <see langword="null"/> for the first
/// page. Tokens are authenticated by the database that issued them (see <see cref="Page{T}.ContinuationToken"/>).
/// </param>
/// <remarks>
/// A list call throws <see cref="CrmValidationException"/> (field <c>ContinuationToken</c>, rule
/// <c>continuation-token-invalid</c>) for a token that this list of this database did not issue (altered, cut short,
/// forged, from another list or another database, or from a version of the SDK before authenticated tokens), and (field
/// <c>PageSize</c>, rule <c>page-size-range</c>) for a size out of range.
/// </remarks>
public sealed record PageRequest(int PageSize = PageRequest.DefaultPageSize, string? ContinuationToken = null)
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The first page with the default size.</summary>
    public static PageRequest First { get; } = new();

    internal void Validate()
    {
        if (PageSize is < 1 or > MaxPageSize)
        {
            throw new CrmValidationException(nameof(PageSize), "page-size-range", $"The page size must be between 1 and {MaxPageSize}; it was {PageSize}.");
        }
    }
}
