using Crm.Sdk.Customers;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Tests.Customers;

internal static class CustomerTestData
{
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 14, 9, 30);

    public static readonly CustomerPolicy Policy = new(
        [
            new CustomFieldDefinition("tier", "Tier", CustomFieldType.Choice, choices: ["gold", "silver", "bronze"]),
            new CustomFieldDefinition("nickname", "Nickname", CustomFieldType.Text, maxLength: 10),
            new CustomFieldDefinition("credit_limit", "Credit limit", CustomFieldType.Number),
            new CustomFieldDefinition("birthday", "Birthday", CustomFieldType.Date),
            new CustomFieldDefinition("vip", "VIP", CustomFieldType.Boolean),
        ],
        "44");

    public static CustomerId NewId() => CustomerId.New(Now);

    public static CustomerDraft Person() => new()
    {
        Kind = CustomerKind.Person,
        GivenName = "Ada",
        FamilyName = "Lovelace",
        Emails = ["Ada@Example.com"],
    };

    public static CustomerDraft Company() => new()
    {
        Kind = CustomerKind.Company,
        CompanyName = "Analytical Engines Ltd",
    };

    public static Customer Create(CustomerDraft? draft = null, CustomerPolicy? policy = null) =>
        Customer.Create(draft ?? Person(), NewId(), Now, policy ?? Policy);

    public static Customer CreateSaved(CustomerDraft? draft = null)
    {
        var customer = Create(draft);
        customer.ClearDomainEvents();
        return customer;
    }

    public static PostalAddress Address(string city = "London", AddressKind kind = AddressKind.Home) =>
        PostalAddress.Create(new PostalAddressDraft { Kind = kind, Lines = ["12 St James's Square"], City = city, PostalCode = "SW1Y 4JH", Country = "gb" });

    public static CrmValidationException AssertInvalid(Action action) => Assert.Throws<CrmValidationException>(action);

    public static void AssertError(CrmValidationException exception, string field, string rule) =>
        Assert.Contains(exception.Errors, e => e.Field == field && e.Rule == rule);
}
