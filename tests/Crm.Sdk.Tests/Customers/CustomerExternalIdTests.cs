using Crm.Sdk.Customers;
using Crm.Sdk.Customers.Events;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>External ids of a customer.</summary>
public sealed class CustomerExternalIdTests
{
    [Fact]
    public void A_customer_has_one_value_per_source_with_the_source_lower_cased()
    {
        var customer = CreateSaved();

        var erp = customer.AddExternalId(" ERP ", " C-10023 ");
        customer.AddExternalId("shop", "9001");

        Assert.Equal(("erp", "C-10023"), (erp.Source, erp.Value));
        Assert.Equal(["erp:C-10023", "shop:9001"], customer.ExternalIds.Select(e => e.Key));
        AssertError(AssertInvalid(() => customer.AddExternalId("erp", "C-99999")), "ExternalIds.erp", "duplicate-source");
        Assert.Equal(2, customer.DomainEvents.Count);
    }

    [Fact]
    public void Adding_the_same_external_id_again_is_a_no_op()
    {
        var customer = CreateSaved();
        customer.AddExternalId("erp", "C-1");
        customer.ClearDomainEvents();

        customer.AddExternalId("Erp", "C-1");

        Assert.Single(customer.ExternalIds);
        Assert.Empty(customer.DomainEvents);
    }

    [Fact]
    public void Removing_a_source_unlinks_its_id_so_another_can_be_added()
    {
        var customer = CreateSaved();
        customer.AddExternalId("erp", "C-1");

        Assert.True(customer.RemoveExternalId("ERP"));
        Assert.False(customer.RemoveExternalId("erp"));
        customer.AddExternalId("erp", "C-2");

        Assert.Equal("erp:C-2", Assert.Single(customer.ExternalIds).Key);
        Assert.Contains(new CustomerExternalIdRemoved(customer.Id, ExternalId.Create("erp", "C-1")), customer.DomainEvents);
    }

    [Theory]
    [InlineData("", "C-1", "Source", "required")]
    [InlineData("e r p", "C-1", "Source", "external-id-source-format")]
    [InlineData("erp:x", "C-1", "Source", "external-id-source-format")]
    [InlineData("erp", " ", "Value", "required")]
    public void Invalid_external_ids_are_rejected(string source, string value, string field, string rule)
    {
        var customer = CreateSaved();

        AssertError(AssertInvalid(() => customer.AddExternalId(source, value)), field, rule);
        Assert.Empty(customer.ExternalIds);
    }
}
