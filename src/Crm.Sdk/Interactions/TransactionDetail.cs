namespace Crm.Sdk.Interactions;

/// <summary>
/// The money side of a <see cref="InteractionKind.Purchase"/> or <see cref="InteractionKind.Refund"/>:
/// the host's order reference (required, at most <see cref="MaxOrderReferenceLength"/> characters) and
/// the amount (above zero; a refund is recorded with a positive amount and its kind).
/// </summary>
/// <param name="OrderReference">The order, invoice or receipt number in the host system.</param>
/// <param name="Amount">The amount paid or refunded; above zero.</param>
public sealed record TransactionDetail(string OrderReference, Money Amount)
{
    /// <summary>The longest order reference accepted.</summary>
    public const int MaxOrderReferenceLength = 100;
}
