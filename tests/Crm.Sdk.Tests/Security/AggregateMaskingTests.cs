using Crm.Sdk.Customers;
using Crm.Sdk.Security;
using Crm.Sdk.Tests.Customers;
using Xunit;

namespace Crm.Sdk.Tests.Security;

/// <summary>Masking an aggregate makes a marked copy and leaves the aggregate it was given exactly as it was.</summary>
public sealed class AggregateMaskingTests
{
    [Fact]
    public void Masking_a_customer_copies_it_and_never_changes_the_original()
    {
        var policy = new CustomerPolicy([new CustomFieldDefinition("note", "Note", CustomFieldType.Text, isPersonal: true)], "44");
        var customer = CustomerTestData.Create(CustomerTestData.Person() with
        {
            Phones = [new ContactDraft { Value = "+86 138 1234 5678" }],
            CustomFields = new Dictionary<string, CustomFieldValue> { ["note"] = CustomFieldValue.Text("Prefers mornings") },
        }, policy);
        customer.Policy = policy; // as the SDK's mapping attaches it to every customer it creates or loads
        customer.AddAddress(CustomerTestData.Address());
        var before = (customer.DisplayName, customer.PrimaryEmail, customer.Phones[0], customer.Addresses[0], customer.CustomFields["note"], customer.DomainEvents.Count);

        var masked = CustomerMasking.Mask(customer);

        Assert.NotSame(customer, masked);
        Assert.True(masked.IsMasked);
        Assert.False(customer.IsMasked);
        Assert.Equal(before, (customer.DisplayName, customer.PrimaryEmail, customer.Phones[0], customer.Addresses[0], customer.CustomFields["note"], customer.DomainEvents.Count));
        Assert.Equal(("A** L*******", "A***@Example.com", "+86 138****5678", "+86138****5678"), (masked.DisplayName, masked.PrimaryEmail!.Value, masked.Phones[0].Number.Raw, masked.Phones[0].Number.E164));
        Assert.Equal(CustomFieldValue.Text("***"), masked.CustomFields["note"]);
        Assert.Equal((customer.Id, customer.Version, customer.CreatedAt), (masked.Id, masked.Version, masked.CreatedAt));
        Assert.Empty(masked.DomainEvents);
        Assert.Equal("masked-record", Assert.Throws<MaskedDataException>(() => Disclosure.ThrowIfMasked(masked)).Rule);
    }
}
