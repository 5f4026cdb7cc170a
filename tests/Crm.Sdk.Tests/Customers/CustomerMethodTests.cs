using Crm.Sdk.Customers;
using Crm.Sdk.Customers.Events;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>The customer's intention-named methods.</summary>
public sealed class CustomerMethodTests
{
    [Fact]
    public void Rename_trims_and_raises_customer_renamed()
    {
        var customer = CreateSaved();

        customer.Rename("  Countess of Lovelace ");

        Assert.Equal("Countess of Lovelace", customer.DisplayName);
        Assert.Equal(new CustomerRenamed(customer.Id), Assert.Single(customer.DomainEvents));
    }

    [Fact]
    public void Renaming_to_the_same_name_records_nothing()
    {
        var customer = CreateSaved();

        customer.Rename("Ada Lovelace");

        Assert.Empty(customer.DomainEvents);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("bad\tname", "control-characters")]
    public void Rename_rejects_invalid_names_and_leaves_the_customer_unchanged(string name, string rule)
    {
        var customer = CreateSaved();
        var before = CustomerSnapshot.Of(customer);

        var ex = AssertInvalid(() => customer.Rename(name));

        AssertError(ex, "DisplayName", rule);
        Assert.Equal(before, CustomerSnapshot.Of(customer));
        Assert.Empty(customer.DomainEvents);
    }

    [Fact]
    public void A_person_name_can_be_set_and_cleared()
    {
        var customer = CreateSaved();

        customer.SetPersonName(PersonName.Create("Augusta", "King", "Ada"));
        Assert.Equal("Augusta Ada King", customer.PersonName!.FullName);
        customer.SetPersonName(null);

        Assert.Null(customer.PersonName);
        Assert.Equal(2, customer.DomainEvents.OfType<CustomerNameDetailsChanged>().Count());
    }

    [Fact]
    public void A_person_name_needs_a_given_or_family_name()
    {
        var ex = AssertInvalid(() => PersonName.Create(" ", null, "Middle"));

        AssertError(ex, "GivenName", "required");
    }

    [Fact]
    public void A_company_has_no_person_name_and_a_person_no_company_name()
    {
        var company = CreateSaved(Company());
        var person = CreateSaved();

        AssertError(AssertInvalid(() => company.SetPersonName(PersonName.Create("Ada", null))), "PersonName", "kind-mismatch");
        AssertError(AssertInvalid(() => person.SetCompanyName("Acme")), "CompanyName", "kind-mismatch");
        company.SetCompanyName("Analytical Engines plc");
        Assert.Equal("Analytical Engines plc", company.CompanyName);
    }

    [Fact]
    public void The_first_email_becomes_primary_and_another_can_be_made_primary()
    {
        var customer = CreateSaved(Company());

        customer.AddEmail("info@engines.example");
        customer.AddEmail("sales@engines.example", "sales");
        customer.SetPrimaryEmail("SALES@engines.example");

        Assert.Equal("sales@engines.example", customer.PrimaryEmail!.Value);
        Assert.Single(customer.Emails, e => e.IsPrimary);
        Assert.Equal(
            [typeof(CustomerEmailAdded), typeof(CustomerPrimaryEmailChanged), typeof(CustomerEmailAdded), typeof(CustomerPrimaryEmailChanged)],
            customer.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void Adding_an_email_as_primary_demotes_the_previous_primary()
    {
        var customer = CreateSaved();

        customer.AddEmail("ada@second.example", makePrimary: true);

        Assert.Equal("ada@second.example", customer.PrimaryEmail!.Value);
        Assert.False(customer.Emails[0].IsPrimary);
    }

    [Fact]
    public void Removing_the_primary_email_promotes_the_next_one()
    {
        var customer = CreateSaved(Person() with { Emails = ["a@example.com", "b@example.com"] });

        Assert.True(customer.RemoveEmail(" A@EXAMPLE.COM "));

        Assert.Equal("b@example.com", customer.PrimaryEmail!.Value);
        Assert.False(customer.RemoveEmail("a@example.com"));
    }

    [Fact]
    public void A_duplicate_or_malformed_email_is_rejected_and_the_customer_is_unchanged()
    {
        var customer = CreateSaved();
        var before = CustomerSnapshot.Of(customer);

        AssertError(AssertInvalid(() => customer.AddEmail("ADA@example.COM")), "Email", "duplicate");
        AssertError(AssertInvalid(() => customer.AddEmail("ada@localhost")), "Email", "email-format");
        AssertError(AssertInvalid(() => customer.AddEmail("ok@example.com", new string('x', 51))), "Label", "max-length");
        AssertError(AssertInvalid(() => customer.SetPrimaryEmail("nobody@example.com")), "Email", "not-found");

        Assert.Equal(before, CustomerSnapshot.Of(customer));
        Assert.Empty(customer.DomainEvents);
    }

    [Fact]
    public void Phones_are_added_in_E164_and_removed_in_any_format()
    {
        var customer = CreateSaved();

        var phone = customer.AddPhone("(020) 7946-0958", Policy, "home");
        Assert.Equal("+442079460958", phone.E164);
        AssertError(AssertInvalid(() => customer.AddPhone("+44 20 7946 0958", Policy)), "Phone", "duplicate");
        Assert.True(customer.RemovePhone("0044 20 7946 0958", Policy));

        Assert.Empty(customer.Phones);
        Assert.Equal([typeof(CustomerPhoneAdded), typeof(CustomerPhoneRemoved)], customer.DomainEvents.Select(e => e.GetType()));
    }

    [Fact]
    public void An_invalid_phone_leaves_the_customer_unchanged()
    {
        var customer = CreateSaved();
        var before = CustomerSnapshot.Of(customer);

        AssertError(AssertInvalid(() => customer.AddPhone("call me", Policy)), "Phone", "phone-format");

        Assert.Equal(before, CustomerSnapshot.Of(customer));
    }

    [Fact]
    public void Addresses_are_added_once_and_removed_by_value()
    {
        var customer = CreateSaved();

        customer.AddAddress(Address());
        AssertError(AssertInvalid(() => customer.AddAddress(Address())), "Address", "duplicate");
        customer.AddAddress(Address("Bath", AddressKind.Shipping));
        Assert.True(customer.RemoveAddress(Address()));

        Assert.Equal("Bath", Assert.Single(customer.Addresses).City);
        Assert.Equal(
            [new CustomerAddressAdded(customer.Id, AddressKind.Home), new CustomerAddressAdded(customer.Id, AddressKind.Shipping), new CustomerAddressRemoved(customer.Id, AddressKind.Home)],
            customer.DomainEvents);
    }

    [Fact]
    public void Lifecycle_stage_changes_raise_an_event_with_both_stages()
    {
        var customer = CreateSaved();

        customer.ChangeLifecycleStage(LifecycleStage.Customer);
        customer.ChangeLifecycleStage(LifecycleStage.Customer);

        Assert.Equal(new CustomerLifecycleStageChanged(customer.Id, LifecycleStage.Lead, LifecycleStage.Customer), Assert.Single(customer.DomainEvents));
        AssertError(AssertInvalid(() => customer.ChangeLifecycleStage((LifecycleStage)42)), "LifecycleStage", "undefined-value");
    }

    [Fact]
    public void Owner_can_be_assigned_and_unassigned()
    {
        var customer = CreateSaved();

        customer.AssignOwner(" rep-1 ");
        customer.AssignOwner(null);

        Assert.Null(customer.OwnerId);
        Assert.Equal(
            [new CustomerOwnerChanged(customer.Id, null, "rep-1"), new CustomerOwnerChanged(customer.Id, "rep-1", null)],
            customer.DomainEvents);
        AssertError(AssertInvalid(() => customer.AssignOwner(new string('u', 101))), "OwnerId", "max-length");
    }

    [Fact]
    public void Tags_are_normalized_and_kept_once()
    {
        var customer = CreateSaved();

        Assert.True(customer.AddTag(" VIP "));
        Assert.False(customer.AddTag("vip"));
        Assert.True(customer.RemoveTag("Vip"));
        Assert.False(customer.RemoveTag("vip"));

        Assert.Empty(customer.Tags);
        Assert.Equal([new CustomerTagged(customer.Id, "vip"), new CustomerUntagged(customer.Id, "vip")], customer.DomainEvents);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("\u200B\uFEFF", "required")]
    [InlineData("line\nbreak", "control-characters")]
    public void Invalid_tags_are_rejected(string tag, string rule)
    {
        var customer = CreateSaved();

        AssertError(AssertInvalid(() => customer.AddTag(tag)), "Tag", rule);
        Assert.Empty(customer.Tags);
    }

    [Fact]
    public void A_tag_has_at_most_64_characters()
    {
        var customer = CreateSaved();

        customer.AddTag(new string('t', 64));

        AssertError(AssertInvalid(() => customer.AddTag(new string('t', 65))), "Tag", "max-length");
    }

    [Fact]
    public void Touch_sets_the_update_time_only()
    {
        var customer = CreateSaved();
        var later = Now + NodaTime.Duration.FromHours(1);

        customer.Touch(later);

        Assert.Equal(later, customer.UpdatedAt);
        Assert.Equal(Now, customer.CreatedAt);
    }
}
