using Crm.Sdk.Customers;
using NodaTime;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>Every text input of the public API, as <see cref="TextTarget"/>s over one world.</summary>
internal static partial class TextTargets
{
    /// <summary>The text inputs of customers: every draft field, the commands that take text, and the searches.</summary>
    /// <param name="w">The world.</param>
    /// <returns>The targets.</returns>
    public static IEnumerable<TextTarget> Customers(CorpusWorld w)
    {
        var crm = w.Crm;
        Func<object?, Task<string?>> Read(Func<Customer, string?> field) =>
            async result => field(await crm.Customers.GetAsync(((Customer)result!).Id));
        Func<string, Task<object?>> Create(Func<string, CustomerDraft> draft) =>
            async s => await crm.Customers.CreateAsync(draft(s));
        string Name() => $"Customer {w.Unique()}";

        yield return new TextTarget
        {
            Name = "Customer.DisplayName",
            Fields = ["DisplayName"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Customer.MaxNameLength,
            Act = Create(s => new CustomerDraft { Kind = CustomerKind.Person, DisplayName = s }),
            Stored = Read(c => c.DisplayName),
        };
        yield return new TextTarget
        {
            Name = "Customer.CompanyName",
            Fields = ["CompanyName"],
            Shape = TextShape.SingleLine,
            MaxLength = Customer.MaxNameLength,
            Act = Create(s => new CustomerDraft { Kind = CustomerKind.Company, DisplayName = Name(), CompanyName = s }),
            Stored = Read(c => c.CompanyName),
        };
        yield return new TextTarget
        {
            Name = "Customer.GivenName",
            Fields = ["GivenName"],
            Shape = TextShape.SingleLine,
            MaxLength = PersonName.MaxPartLength,
            Act = Create(s => new CustomerDraft { Kind = CustomerKind.Person, DisplayName = Name(), GivenName = s, FamilyName = "Doe" }),
            Stored = Read(c => c.PersonName?.GivenName),
        };
        yield return new TextTarget
        {
            Name = "Customer.FamilyName",
            Fields = ["FamilyName"],
            Shape = TextShape.SingleLine,
            MaxLength = PersonName.MaxPartLength,
            Act = Create(s => new CustomerDraft { Kind = CustomerKind.Person, DisplayName = Name(), GivenName = "Jane", FamilyName = s }),
            Stored = Read(c => c.PersonName?.FamilyName),
        };
        yield return new TextTarget
        {
            Name = "Customer.MiddleName",
            Fields = ["MiddleName"],
            Shape = TextShape.SingleLine,
            MaxLength = PersonName.MaxPartLength,
            Act = Create(s => new CustomerDraft { Kind = CustomerKind.Person, DisplayName = Name(), GivenName = "Jane", FamilyName = "Doe", MiddleName = s }),
            Stored = Read(c => c.PersonName?.MiddleName),
        };
        yield return new TextTarget
        {
            Name = "Customer.OwnerId",
            Fields = ["OwnerId"],
            Shape = TextShape.SingleLine,
            MaxLength = Customer.MaxOwnerIdLength,
            Act = Create(s => w.PersonDraft() with { OwnerId = s }),
            Stored = Read(c => c.OwnerId),
        };
        yield return new TextTarget
        {
            Name = "Customer.Tags[0]",
            Fields = ["Tags"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = CustomerTag.MaxLength,
            Normalize = FoldedTag,
            Act = Create(s => w.PersonDraft() with { Tags = [s] }),
            Stored = Read(c => c.Tags.FirstOrDefault()),
        };
        yield return new TextTarget
        {
            Name = "Customer.Emails[0].Label",
            Fields = ["Label"],
            Shape = TextShape.SingleLine,
            MaxLength = Customer.MaxLabelLength,
            Act = Create(s => w.PersonDraft() with { Emails = [new ContactDraft { Value = $"label{w.Unique()}@example.com", Label = s }] }),
            Stored = Read(c => Head(c.Emails)?.Label),
        };
        yield return new TextTarget
        {
            Name = "Customer.Phones[0].Label",
            Fields = ["Label"],
            Shape = TextShape.SingleLine,
            MaxLength = Customer.MaxLabelLength,
            Act = Create(s => w.PersonDraft() with { Phones = [new ContactDraft { Value = "020 7946 0958", Label = s }] }),
            Stored = Read(c => Head(c.Phones)?.Label),
        };
        yield return new TextTarget
        {
            Name = "Customer.ExternalIds[erp] (value)",
            Fields = ["ExternalIds"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = ExternalId.MaxValueLength,
            Act = Create(s => w.PersonDraft() with { ExternalIds = new Dictionary<string, string> { ["erp"] = s } }),
            Stored = Read(c => Head(c.ExternalIds)?.Value),
        };
        yield return new TextTarget
        {
            Name = "Customer.ExternalIds (source)",
            Fields = ["ExternalIds"],
            Shape = TextShape.Formatted,
            FormatRule = "external-id-source-format",
            Normalize = s => s.ToLowerInvariant(),
            Act = Create(s => w.PersonDraft() with { ExternalIds = new Dictionary<string, string> { [s] = $"V-{w.Unique()}" } }),
            Stored = Read(c => Head(c.ExternalIds)?.Source),
            Extras =
            [
                new("a valid source", "shop-2", Expect.Accepted()),
                new("a source in upper case (lower-cased)", "ERP_3", Expect.Accepted(), "erp_3"),
                new("a source starting with a hyphen", "-erp", Expect.Invalid("ExternalIds", "external-id-source-format")),
            ],
        };
        yield return new TextTarget
        {
            Name = "Customer.Addresses[0].Lines[0]",
            Fields = ["Lines"],
            Shape = TextShape.SingleLine,
            MaxLength = 200,
            Act = Create(s => w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = [s], City = "London", Country = "GB" }] }),
            Stored = Read(c => Head(Head(c.Addresses)?.Lines ?? [])),
        };
        yield return new TextTarget
        {
            Name = "Customer.Addresses[0].City",
            Fields = ["City"],
            Shape = TextShape.SingleLine,
            MaxLength = 100,
            Act = Create(s => w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = ["1 Main St"], City = s, Country = "GB" }] }),
            Stored = Read(c => Head(c.Addresses)?.City),
        };
        yield return new TextTarget
        {
            Name = "Customer.Addresses[0].Region",
            Fields = ["Region"],
            Shape = TextShape.SingleLine,
            MaxLength = 100,
            Act = Create(s => w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = ["1 Main St"], Region = s, Country = "GB" }] }),
            Stored = Read(c => Head(c.Addresses)?.Region),
        };
        yield return new TextTarget
        {
            Name = "Customer.Addresses[0].PostalCode",
            Fields = ["PostalCode"],
            Shape = TextShape.SingleLine,
            MaxLength = 20,
            Act = Create(s => w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = ["1 Main St"], PostalCode = s, Country = "GB" }] }),
            Stored = Read(c => Head(c.Addresses)?.PostalCode),
        };
        yield return new TextTarget
        {
            Name = "Customer.Addresses[0].Country",
            Fields = ["Country"],
            Shape = TextShape.Formatted,
            FormatRule = "country-iso3166",
            Act = Create(s => w.PersonDraft() with { Addresses = [new PostalAddressDraft { Lines = ["1 Main St"], Country = s }] }),
            Stored = Read(c => Head(c.Addresses)?.Country),
            Extras =
            [
                new("a country in lower case (upper-cased)", "cn", Expect.Accepted(), "CN"),
                new("an alpha-3 code", "GBR", Expect.Invalid("Country", "country-iso3166")),
                new("an unassigned code", "XX", Expect.Invalid("Country", "country-iso3166")),
            ],
        };
        yield return new TextTarget
        {
            Name = "Customer.Consents[0].Source",
            Fields = ["Source"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = ConsentRecord.MaxSourceLength,
            Act = Create(s => w.PersonDraft() with { Consents = [new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, Instant.FromUtc(2024, 1, 2, 3, 4), s)] }),
            Stored = Read(c => Head(c.ConsentHistory)?.Source),
        };
        yield return new TextTarget
        {
            Name = "Customer.CustomFields[nickname] (text)",
            Fields = ["nickname"],
            Shape = TextShape.MultiLine,
            MaxLength = 40,
            Act = Create(s => w.PersonDraft() with { CustomFields = new Dictionary<string, CustomFieldValue> { ["nickname"] = CustomFieldValue.Text(s) } }),
            Stored = Read(c => c.CustomFields.GetValueOrDefault("nickname") is TextFieldValue text ? text.Value : null),
        };
        yield return new TextTarget
        {
            Name = "Customer.CustomFields[tier] (choice)",
            Fields = ["tier"],
            Shape = TextShape.Formatted,
            FormatRule = "custom-field-choice",
            Act = Create(s => w.PersonDraft() with { CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = CustomFieldValue.Choice(s) } }),
            Stored = Read(c => c.CustomFields.GetValueOrDefault("tier") is ChoiceFieldValue choice ? choice.Value : null),
            Extras =
            [
                new("one of the choices", "gold", Expect.Accepted()),
                new("a choice in another case", "Gold", Expect.Invalid("tier", "custom-field-choice")),
            ],
        };
        yield return new TextTarget
        {
            Name = "Customer.Emails[0]",
            Fields = ["Emails"],
            Shape = TextShape.Formatted,
            FormatRule = "email-format",
            Act = Create(s => w.PersonDraft() with { Emails = [s] }),
            Stored = Read(c => Head(c.Emails)?.Address.Value),
            Extras =
            [
                new("a plain address", "ada.lovelace@example.com", Expect.Accepted()),
                new("an address with a tag and subdomains", "Ada+crm@mail.example.co.uk", Expect.Accepted()),
                new("an address with spaces around it (trimmed)", "  ada.trim@example.com ", Expect.Accepted(), "ada.trim@example.com"),
                new("a one-letter top-level domain", "ada@example.c", Expect.Invalid("Emails", "email-format")),
                new("a numeric top-level domain", "ada@example.123", Expect.Invalid("Emails", "email-format")),
                new("an IPv4 address as domain", "ada@192.168.0.1", Expect.Invalid("Emails", "email-format")),
                new("no top-level domain", "ada@localhost", Expect.Invalid("Emails", "email-format")),
                new("two at signs", "ada@@example.com", Expect.Invalid("Emails", "email-format")),
                new("an internationalized address", "李小龙@例子.中国", Expect.Accepted() | Expect.Invalid("Emails", "email-format")),
            ],
        };
        yield return new TextTarget
        {
            Name = "Customer.Phones[0]",
            Fields = ["Phones"],
            Shape = TextShape.Formatted,
            FormatRule = "phone-format",
            Act = Create(s => w.PersonDraft() with { Phones = [s] }),
            Stored = Read(c => Head(c.Phones)?.Number.Raw),
            Extras =
            [
                new("a Chinese mobile number", "+86 138 0013 8000", Expect.Accepted()),
                new("a national number of the default region", "020 7946 0958", Expect.Accepted()),
                new("a number too short", "12", Expect.Invalid("Phones", "phone-format")),
                new("an unassigned calling code", "+999 1234 5678", Expect.Invalid("Phones", "phone-format")),
                new("full-width digits", "＋４４ ２０ ７９４６ ０９５８", Expect.Accepted() | Expect.Invalid("Phones", "phone-format")),
            ],
        };

        Customer? renamed = null;
        yield return new TextTarget
        {
            Name = "Customer.Rename + Customers.UpdateAsync",
            Fields = ["DisplayName"],
            Shape = TextShape.SingleLine,
            Required = true,
            MaxLength = Customer.MaxNameLength,
            Effect = StoreEffect.Any,
            Arrange = async () => renamed = renamed is null ? await w.NewCustomerAsync() : await crm.Customers.GetAsync(renamed.Id),
            Act = async s =>
            {
                renamed!.Rename(s);
                await crm.Customers.UpdateAsync(renamed);
                return renamed;
            },
            Stored = Read(c => c.DisplayName),
        };
        yield return new TextTarget
        {
            Name = "Customers.AssignOwnerAsync(ownerId)",
            Fields = ["OwnerId"],
            Shape = TextShape.SingleLine,
            MaxLength = Customer.MaxOwnerIdLength,
            Effect = StoreEffect.Any,
            Act = async s => await crm.Customers.AssignOwnerAsync(w.A.Id, s),
            Stored = Read(c => c.OwnerId),
        };
        yield return new TextTarget
        {
            Name = "Customers.ListAsync(NamePrefix)",
            Fields = ["NamePrefix"],
            Shape = TextShape.Lookup,
            LookupRules = ["name-prefix-too-short"],
            Act = async s => await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = s }, PageRequest.First),
        };
        yield return new TextTarget
        {
            Name = "Customers.StreamAsync(NamePrefix)",
            Fields = ["NamePrefix"],
            Shape = TextShape.Lookup,
            LookupRules = ["name-prefix-too-short"],
            Act = CorpusCaseStream(s => crm.Customers.StreamAsync(new CustomerFilter { NamePrefix = s })),
        };
        yield return new TextTarget
        {
            Name = "Customers.ListAsync(Tag)",
            Fields = ["Tag"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Customers.ListAsync(new CustomerFilter { Tag = s }, PageRequest.First),
        };
        yield return new TextTarget
        {
            Name = "Customers.ListAsync(OwnerId)",
            Fields = ["OwnerId"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Customers.ListAsync(new CustomerFilter { OwnerId = s }, PageRequest.First),
        };
        yield return new TextTarget
        {
            Name = "Customers.FindByEmailAsync",
            Fields = ["Email"],
            Shape = TextShape.Lookup,
            LookupRules = ["email-format"],
            Act = async s => await crm.Customers.FindByEmailAsync(s),
        };
        yield return new TextTarget
        {
            Name = "Customers.FindByPhoneAsync",
            Fields = ["Phone"],
            Shape = TextShape.Lookup,
            LookupRules = ["phone-format"],
            Act = async s => await crm.Customers.FindByPhoneAsync(s),
        };
        yield return new TextTarget
        {
            Name = "Customers.FindByExternalIdAsync(erp, value)",
            Fields = ["Value", "ExternalId"],
            Shape = TextShape.Lookup,
            Act = async s => await crm.Customers.FindByExternalIdAsync("erp", s),
        };
        yield return new TextTarget
        {
            Name = "Customers.FindByExternalIdAsync(source, A-1)",
            Fields = ["Source", "ExternalId"],
            Shape = TextShape.Lookup,
            LookupRules = ["external-id-source-format"],
            Act = async s => await crm.Customers.FindByExternalIdAsync(s, "A-1"),
        };
    }

    private static T? Head<T>(IReadOnlyList<T> list)
        where T : class => list.Count > 0 ? list[0] : null;

    private static Func<string, Task<object?>> CorpusCaseStream<T>(Func<string, IAsyncEnumerable<T>> stream) =>
        s => CorpusCase.Stream(() => stream(s))();

    /// <summary>A tag as the SDK stores it (trimmed and case-folded, see <see cref="CustomerTag"/>); the text itself when it is not a valid tag.</summary>
    private static string FoldedTag(string tag)
    {
        try
        {
            return CustomerTag.Normalize(tag);
        }
        catch (CrmValidationException)
        {
            return tag;
        }
    }
}
