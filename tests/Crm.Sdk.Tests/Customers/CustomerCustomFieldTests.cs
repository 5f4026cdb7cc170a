using Crm.Sdk.Customers;
using Crm.Sdk.Customers.Events;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>Typed custom fields of a customer.</summary>
public sealed class CustomerCustomFieldTests
{
    [Fact]
    public void Each_type_of_value_is_accepted_by_a_field_of_that_type()
    {
        var customer = CreateSaved();

        customer.SetCustomField("tier", CustomFieldValue.Choice("silver"), Policy);
        customer.SetCustomField("nickname", CustomFieldValue.Text("Ada"), Policy);
        customer.SetCustomField("credit_limit", CustomFieldValue.Number(2500.50m), Policy);
        customer.SetCustomField("birthday", CustomFieldValue.Date(new LocalDate(1815, 12, 10)), Policy);
        customer.SetCustomField("vip", CustomFieldValue.Boolean(true), Policy);

        Assert.Equal(["birthday", "credit_limit", "nickname", "tier", "vip"], customer.CustomFields.Keys);
        Assert.Equal(2500.50m, Assert.IsType<NumberFieldValue>(customer.CustomFields["credit_limit"]).Value);
        Assert.Equal(5, customer.DomainEvents.OfType<CustomerCustomFieldSet>().Count());
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_rejected()
    {
        var customer = CreateSaved();

        var ex = AssertInvalid(() => customer.SetCustomField("credit_limit", CustomFieldValue.Text("lots"), Policy));

        AssertError(ex, "CustomFields.credit_limit", "custom-field-type");
        Assert.Empty(customer.CustomFields);
    }

    [Fact]
    public void An_unknown_field_is_rejected()
    {
        var ex = AssertInvalid(() => CreateSaved().SetCustomField("shoe_size", CustomFieldValue.Number(9), Policy));

        AssertError(ex, "CustomFields.shoe_size", "custom-field-unknown");
    }

    [Fact]
    public void A_choice_must_be_one_of_the_options_exactly()
    {
        var ex = AssertInvalid(() => CreateSaved().SetCustomField("tier", CustomFieldValue.Choice("Gold"), Policy));

        AssertError(ex, "CustomFields.tier", "custom-field-choice");
    }

    [Fact]
    public void A_text_longer_than_the_maximum_is_rejected()
    {
        var customer = CreateSaved();
        customer.SetCustomField("nickname", CustomFieldValue.Text("0123456789"), Policy);

        var ex = AssertInvalid(() => customer.SetCustomField("nickname", CustomFieldValue.Text("0123456789X"), Policy));

        AssertError(ex, "CustomFields.nickname", "max-length");
        Assert.Equal(CustomFieldValue.Text("0123456789"), customer.CustomFields["nickname"]);
    }

    [Fact]
    public void A_required_field_cannot_be_cleared_but_an_optional_one_can()
    {
        var policy = new CustomerPolicy(
            [
                new CustomFieldDefinition("segment", "Segment", CustomFieldType.Text, isRequired: true),
                new CustomFieldDefinition("vip", "VIP", CustomFieldType.Boolean),
            ]);
        var customer = Create(Person() with
        {
            CustomFields = new Dictionary<string, CustomFieldValue> { ["segment"] = CustomFieldValue.Text("smb"), ["vip"] = CustomFieldValue.Boolean(false) },
        }, policy);
        customer.ClearDomainEvents();

        AssertError(AssertInvalid(() => customer.ClearCustomField("segment", policy)), "CustomFields.segment", "required");
        Assert.True(customer.ClearCustomField("vip", policy));
        Assert.False(customer.ClearCustomField("vip", policy));

        Assert.Equal(["segment"], customer.CustomFields.Keys);
        Assert.Equal(new CustomerCustomFieldCleared(customer.Id, "vip"), Assert.Single(customer.DomainEvents));
    }

    [Fact]
    public void Setting_the_same_value_again_records_nothing()
    {
        var customer = CreateSaved();
        customer.SetCustomField("vip", CustomFieldValue.Boolean(true), Policy);
        customer.ClearDomainEvents();

        customer.SetCustomField("vip", CustomFieldValue.Boolean(true), Policy);

        Assert.Empty(customer.DomainEvents);
    }

    [Theory]
    [InlineData("Tier")]
    [InlineData("1tier")]
    [InlineData("tier-level")]
    [InlineData("")]
    public void A_custom_field_key_must_be_a_lower_case_identifier(string key)
    {
        Assert.Throws<CrmConfigurationException>(() => new CustomFieldDefinition(key, "Label", CustomFieldType.Text));
    }

    [Fact]
    public void Inconsistent_definitions_are_configuration_errors()
    {
        Assert.Throws<CrmConfigurationException>(() => new CustomFieldDefinition("tier", "Tier", CustomFieldType.Choice));
        Assert.Throws<CrmConfigurationException>(() => new CustomFieldDefinition("tier", "Tier", CustomFieldType.Choice, choices: ["a", "a"]));
        Assert.Throws<CrmConfigurationException>(() => new CustomFieldDefinition("age", "Age", CustomFieldType.Number, maxLength: 3));
        Assert.Throws<CrmConfigurationException>(() => new CustomFieldDefinition("age", " ", CustomFieldType.Number));
        Assert.Throws<CrmConfigurationException>(() => new CustomerPolicy(
            [new CustomFieldDefinition("vip", "VIP", CustomFieldType.Boolean), new CustomFieldDefinition("vip", "VIP", CustomFieldType.Boolean)]));
        Assert.Throws<CrmConfigurationException>(() => new CustomerPolicy(defaultPhoneRegion: "0044"));
        Assert.Throws<CrmConfigurationException>(() => new CustomerPolicy(defaultPhoneRegion: "XX"));
        Assert.Equal("GB", new CustomerPolicy(defaultPhoneRegion: "+44").DefaultPhoneRegion);
        Assert.Equal("CN", new CustomerPolicy(defaultPhoneRegion: "cn").DefaultPhoneRegion);
    }
}
