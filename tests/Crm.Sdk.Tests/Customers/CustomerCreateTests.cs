using Crm.Sdk.Customers;
using Crm.Sdk.Customers.Events;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>Creating a customer from a draft.</summary>
public sealed class CustomerCreateTests
{
    [Fact]
    public void A_person_is_created_with_every_field_of_the_draft()
    {
        var draft = new CustomerDraft
        {
            Kind = CustomerKind.Person,
            DisplayName = "  Ada Lovelace  ",
            GivenName = " Ada ",
            FamilyName = "Lovelace",
            MiddleName = "King",
            Emails = ["Ada@Example.com", new ContactDraft { Value = "ada@work.example.org", Label = "work" }],
            Phones = [new ContactDraft { Value = "020 7946 0958", Label = "home" }, "+1 (415) 555-0100"],
            Addresses = [new PostalAddressDraft { Kind = AddressKind.Billing, Lines = ["1 Main St", " "], City = "Leeds", Country = "gb" }],
            Tags = ["VIP", " vip ", "Newsletter"],
            CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = CustomFieldValue.Choice("gold"), ["vip"] = CustomFieldValue.Boolean(true) },
            LifecycleStage = LifecycleStage.Prospect,
            OwnerId = " user-7 ",
            ExternalIds = new Dictionary<string, string> { ["ERP"] = "C-10023" },
            Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, Now - Duration.FromDays(1), "web-form")],
        };

        var customer = Customer.Create(draft, NewId(), Now, Policy);

        Assert.Equal(CustomerKind.Person, customer.Kind);
        Assert.Equal("Ada Lovelace", customer.DisplayName);
        Assert.Equal("Ada", customer.PersonName!.GivenName);
        Assert.Equal("King", customer.PersonName.MiddleName);
        Assert.Null(customer.CompanyName);
        Assert.Equal(["Ada@Example.com", "ada@work.example.org"], customer.Emails.Select(e => e.Address.Value));
        Assert.Equal("ada@example.com", customer.PrimaryEmail!.Normalized);
        Assert.Equal("work", customer.Emails[1].Label);
        Assert.Equal(["+442079460958", "+14155550100"], customer.Phones.Select(p => p.Number.E164));
        Assert.Equal("020 7946 0958", customer.Phones[0].Number.Raw);
        Assert.Equal(["1 Main St"], customer.Addresses[0].Lines);
        Assert.Equal("GB", customer.Addresses[0].Country);
        Assert.Equal(["newsletter", "vip"], customer.Tags);
        Assert.Equal(CustomFieldValue.Choice("gold"), customer.CustomFields["tier"]);
        Assert.Equal(LifecycleStage.Prospect, customer.LifecycleStage);
        Assert.Equal("user-7", customer.OwnerId);
        Assert.Equal("erp:C-10023", Assert.Single(customer.ExternalIds).Key);
        Assert.True(customer.HasConsent(ConsentChannel.Email));
        Assert.Equal(Now, customer.CreatedAt);
        Assert.Equal(Now, customer.UpdatedAt);
        Assert.Equal(0, customer.Version);
    }

    [Fact]
    public void Creation_raises_customer_created()
    {
        var customer = Create(Company());

        var created = Assert.IsType<CustomerCreated>(Assert.Single(customer.DomainEvents));
        Assert.Equal(new CustomerCreated(customer.Id, CustomerKind.Company, LifecycleStage.Lead), created);
    }

    [Fact]
    public void Display_name_defaults_to_the_person_or_company_name()
    {
        Assert.Equal("Ada Lovelace", Create(Person()).DisplayName);
        Assert.Equal("Analytical Engines Ltd", Create(Company()).DisplayName);
    }

    [Fact]
    public void A_customer_needs_a_display_name()
    {
        var ex = AssertInvalid(() => Create(new CustomerDraft { Kind = CustomerKind.Person, DisplayName = "   " }));

        AssertError(ex, "DisplayName", "required");
    }

    [Fact]
    public void Display_name_is_at_most_200_characters()
    {
        Assert.Equal(200, Create(new CustomerDraft { DisplayName = new string('a', 200) }).DisplayName.Length);

        var ex = AssertInvalid(() => Create(new CustomerDraft { DisplayName = new string('a', 201) }));

        AssertError(ex, "DisplayName", "max-length");
    }

    [Fact]
    public void Display_name_must_not_contain_control_characters()
    {
        var ex = AssertInvalid(() => Create(new CustomerDraft { DisplayName = "Ada\u0000Lovelace" }));

        AssertError(ex, "DisplayName", "control-characters");
    }

    [Fact]
    public void A_company_cannot_have_a_person_name_and_a_person_cannot_have_a_company_name()
    {
        var company = AssertInvalid(() => Create(Company() with { GivenName = "Ada" }));
        var person = AssertInvalid(() => Create(Person() with { CompanyName = "Acme" }));

        AssertError(company, "GivenName", "kind-mismatch");
        AssertError(person, "CompanyName", "kind-mismatch");
    }

    [Fact]
    public void Every_failing_field_is_reported_at_once()
    {
        var draft = new CustomerDraft
        {
            DisplayName = "Ada",
            Emails = ["ada@example.com", "not-an-email", "ADA@example.com"],
            Phones = ["12"],
            Addresses = [new PostalAddressDraft { City = "Paris", Country = "XX" }, new PostalAddressDraft { Country = "FR" }],
            Tags = ["ok", new string('t', 65)],
            CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = CustomFieldValue.Choice("platinum"), ["shoe_size"] = CustomFieldValue.Number(9) },
            OwnerId = new string('o', 101),
            ExternalIds = new Dictionary<string, string> { ["erp"] = "  " },
            Consents = [new ConsentRecord(ConsentChannel.Sms, ConsentStatus.Granted, Now, " ")],
        };

        var ex = AssertInvalid(() => Create(draft));

        AssertError(ex, "Emails[1]", "email-format");
        AssertError(ex, "Emails[2]", "duplicate");
        AssertError(ex, "Phones[0]", "phone-format");
        AssertError(ex, "Addresses[0].Country", "country-iso3166");
        AssertError(ex, "Addresses[1].Lines", "address-incomplete");
        AssertError(ex, "Tags[1]", "max-length");
        AssertError(ex, "CustomFields.tier", "custom-field-choice");
        AssertError(ex, "CustomFields.shoe_size", "custom-field-unknown");
        AssertError(ex, "OwnerId", "max-length");
        AssertError(ex, "ExternalIds.erp", "required");
        AssertError(ex, "Consents[0].Source", "required");
        Assert.Equal(11, ex.Errors.Count);
    }

    [Fact]
    public void A_required_custom_field_must_be_given_on_create()
    {
        var policy = new CustomerPolicy([new CustomFieldDefinition("region_code", "Region", CustomFieldType.Text, isRequired: true)]);

        var ex = AssertInvalid(() => Create(Person(), policy));

        AssertError(ex, "CustomFields.region_code", "required");
    }

    [Fact]
    public void National_phone_numbers_need_a_default_country_calling_code()
    {
        var ex = AssertInvalid(() => Create(Person() with { Phones = ["020 7946 0958"] }, CustomerPolicy.Default));

        AssertError(ex, "Phones[0]", "phone-format");
    }

    [Fact]
    public void Email_and_phone_labels_are_limited()
    {
        var ex = AssertInvalid(() => Create(Person() with
        {
            Emails = [new ContactDraft { Value = "a@example.com", Label = new string('l', 51) }],
            Phones = [new ContactDraft { Value = "+442079460958", Label = "bad\nlabel" }],
        }));

        AssertError(ex, "Emails[0].Label", "max-length");
        AssertError(ex, "Phones[0].Label", "control-characters");
    }

    [Fact]
    public void Two_draft_external_ids_of_the_same_source_in_any_case_are_rejected()
    {
        var ex = AssertInvalid(() => Create(Person() with { ExternalIds = new Dictionary<string, string> { ["erp"] = "1", ["ERP"] = "2" } }));

        Assert.Contains(ex.Errors, e => e.Rule == "duplicate-source");
    }

    [Fact]
    public void At_most_twenty_emails()
    {
        var emails = Enumerable.Range(0, 21).Select(i => (ContactDraft)$"user{i}@example.com").ToArray();

        var ex = AssertInvalid(() => Create(Person() with { Emails = emails }));

        AssertError(ex, "Emails", "too-many");
    }

    [Fact]
    public void Draft_consents_are_applied_in_time_order()
    {
        var customer = Create(Person() with
        {
            Consents =
            [
                new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, Now, "preference-centre"),
                new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, Now - Duration.FromDays(30), "web-form"),
            ],
        });

        Assert.False(customer.HasConsent(ConsentChannel.Email));
        Assert.Equal([ConsentStatus.Granted, ConsentStatus.Withdrawn], customer.ConsentHistory.Select(c => c.Status));
    }
}
