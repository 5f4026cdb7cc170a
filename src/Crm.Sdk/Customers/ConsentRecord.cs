using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>
/// One consent decision: the customer granted or withdrew consent for a channel at a time, recorded from a source.
/// The customer keeps the latest per channel (<see cref="Customer.Consents"/>) and every decision in order (<see cref="Customer.ConsentHistory"/>).
/// </summary>
/// <param name="Channel">The channel.</param>
/// <param name="Status">Granted or withdrawn.</param>
/// <param name="At">When the customer decided (data supplied by the caller, not the save time).</param>
/// <param name="Source">Where the decision was captured, for example <c>web-form</c> or <c>call-centre</c>; 1–100 characters.</param>
public sealed record ConsentRecord(ConsentChannel Channel, ConsentStatus Status, Instant At, string Source)
{
    /// <summary>The longest source accepted.</summary>
    public const int MaxSourceLength = 100;
}
