using Crm.Sdk.Customers.Events;
using Crm.Sdk.Domain;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <content>Recording the customer's marketing consents.</content>
public sealed partial class Customer
{
    /// <summary>Whether the customer's latest decision for a channel is <see cref="ConsentStatus.Granted"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> when consent is granted.</returns>
    public bool HasConsent(ConsentChannel channel) =>
        _consents.TryGetValue(channel, out var consent) && consent.Status == ConsentStatus.Granted;

    /// <summary>Records that the customer granted consent for a channel. Granting again is recorded too (a renewal).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="source">Where the decision was captured, for example <c>web-form</c>; 1–100 characters.</param>
    /// <returns>The recorded decision.</returns>
    /// <exception cref="CrmValidationException">The source is blank or too long (field <c>Source</c>), the channel is undefined (field <c>Channel</c>),
    /// or the current time is earlier than the channel's latest decision (field <c>At</c>, rule <c>consent-out-of-order</c>).</exception>
    public ConsentRecord GrantConsent(ConsentChannel channel, string source) =>
        GrantConsent(channel, source, Now());

    /// <summary>Records that the customer granted consent for a channel. Granting again is recorded too (a renewal).</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="source">Where the decision was captured, for example <c>web-form</c>; 1–100 characters.</param>
    /// <param name="at">When the customer decided; not earlier than the channel's latest decision.</param>
    /// <returns>The recorded decision.</returns>
    /// <exception cref="CrmValidationException">The source is blank or too long (field <c>Source</c>), the channel is undefined (field <c>Channel</c>),
    /// or <paramref name="at"/> is earlier than the channel's latest decision (field <c>At</c>, rule <c>consent-out-of-order</c>).</exception>
    internal ConsentRecord GrantConsent(ConsentChannel channel, string source, Instant at) =>
        RecordConsent(channel, ConsentStatus.Granted, source, at);

    /// <summary>Records that the customer withdrew consent for a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="source">Where the decision was captured, for example <c>unsubscribe-link</c>; 1–100 characters.</param>
    /// <returns>The recorded decision.</returns>
    /// <exception cref="CrmValidationException">As for <see cref="GrantConsent(ConsentChannel, string)"/>.</exception>
    public ConsentRecord WithdrawConsent(ConsentChannel channel, string source) =>
        WithdrawConsent(channel, source, Now());

    /// <summary>Records that the customer withdrew consent for a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="source">Where the decision was captured, for example <c>unsubscribe-link</c>; 1–100 characters.</param>
    /// <param name="at">When the customer decided; not earlier than the channel's latest decision.</param>
    /// <returns>The recorded decision.</returns>
    /// <exception cref="CrmValidationException">As for <see cref="GrantConsent(ConsentChannel, string)"/>.</exception>
    internal ConsentRecord WithdrawConsent(ConsentChannel channel, string source, Instant at) =>
        RecordConsent(channel, ConsentStatus.Withdrawn, source, at);

    private ConsentRecord RecordConsent(ConsentChannel channel, ConsentStatus status, string source, Instant at)
    {
        var errors = new List<ValidationError>();
        var consent = ValidateConsent(channel, status, source, at, string.Empty, errors);
        if (_consents.TryGetValue(channel, out var latest) && at < latest.At)
        {
            errors.Add(new ValidationError(nameof(ConsentRecord.At), "consent-out-of-order", $"The {channel} consent decision at {at} is earlier than the latest one ({latest.At})."));
        }

        InputRules.ThrowIfAny(errors);
        ApplyConsentHistory([consent!]);
        Raise(new CustomerConsentChanged(Id, consent!));
        return consent!;
    }

    private void ApplyConsentHistory(IEnumerable<ConsentRecord> history)
    {
        foreach (var consent in history)
        {
            _consentHistory.Add(consent);
            _consents[consent.Channel] = consent;
        }
    }
}
