using Crm.Sdk.Customers;
using Crm.Sdk.Customers.Events;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>Marketing consents of a customer.</summary>
public sealed class CustomerConsentTests
{
    [Fact]
    public void The_latest_decision_per_channel_is_current_and_every_decision_is_kept()
    {
        var customer = CreateSaved();
        var t1 = Now + Duration.FromMinutes(1);
        var t2 = Now + Duration.FromDays(10);

        customer.GrantConsent(ConsentChannel.Email, "web-form", t1);
        customer.GrantConsent(ConsentChannel.Sms, "web-form", t1);
        customer.WithdrawConsent(ConsentChannel.Email, "unsubscribe-link", t2);

        Assert.False(customer.HasConsent(ConsentChannel.Email));
        Assert.True(customer.HasConsent(ConsentChannel.Sms));
        Assert.False(customer.HasConsent(ConsentChannel.Post));
        Assert.Equal(new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, t2, "unsubscribe-link"), customer.Consents[ConsentChannel.Email]);
        Assert.Equal(
            [
                new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, t1, "web-form"),
                new ConsentRecord(ConsentChannel.Sms, ConsentStatus.Granted, t1, "web-form"),
                new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, t2, "unsubscribe-link"),
            ],
            customer.ConsentHistory);
        Assert.Equal(customer.ConsentHistory.Select(c => new CustomerConsentChanged(customer.Id, c)), customer.DomainEvents);
    }

    [Fact]
    public void A_decision_earlier_than_the_latest_for_the_channel_is_rejected()
    {
        var customer = CreateSaved();
        customer.GrantConsent(ConsentChannel.Email, "web-form", Now);

        var ex = AssertInvalid(() => customer.WithdrawConsent(ConsentChannel.Email, "call-centre", Now - Duration.FromSeconds(1)));

        AssertError(ex, "At", "consent-out-of-order");
        Assert.True(customer.HasConsent(ConsentChannel.Email));
        Assert.Single(customer.ConsentHistory);
    }

    [Fact]
    public void A_decision_needs_a_source()
    {
        var customer = CreateSaved();

        AssertError(AssertInvalid(() => customer.GrantConsent(ConsentChannel.Email, " ", Now)), "Source", "required");
        AssertError(AssertInvalid(() => customer.GrantConsent(ConsentChannel.Email, new string('s', 101), Now)), "Source", "max-length");
        AssertError(AssertInvalid(() => customer.GrantConsent((ConsentChannel)99, "web", Now)), "Channel", "undefined-value");
        Assert.Empty(customer.ConsentHistory);
    }
}
