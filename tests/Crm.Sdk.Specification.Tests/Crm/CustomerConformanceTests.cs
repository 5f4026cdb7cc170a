using Crm.Sdk.Customers;
using Crm.Sdk.Specification.Tests.Storage;
using Crm.Sdk.Storage;
using Crm.Sdk.Testing;
using NodaTime;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>Customers through <see cref="ICrm.Customers"/> over a real database: round trip, finds, search and paging, uniqueness.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class CustomerConformanceTests<TFixture>(TFixture fixture) : CrmConformanceTestBase<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly Instant ConsentTime = Instant.FromUtc(2024, 11, 5, 14, 30, 15).PlusNanoseconds(123_400);

    /// <summary>A person with every field filled in.</summary>
    /// <returns>The draft.</returns>
    protected static CustomerDraft FullPersonDraft() => new()
    {
        Kind = CustomerKind.Person,
        DisplayName = "Ada Lovelace",
        GivenName = "Ada",
        MiddleName = "Augusta",
        FamilyName = "Lovelace",
        Emails = [new ContactDraft { Value = "Ada@Example.com", Label = "work" }, new ContactDraft { Value = "ada.home@example.org", Label = "home" }],
        Phones = [new ContactDraft { Value = "020 7946 0958", Label = "office" }, new ContactDraft { Value = "+1 (415) 555-0100", Label = "mobile" }, "0044 161 496 0000"],
        Addresses =
        [
            new PostalAddressDraft { Kind = AddressKind.Home, Lines = ["12 St James's Square", "Flat 3"], City = "London", Region = "Greater London", PostalCode = "SW1Y 4JH", Country = "gb" },
            new PostalAddressDraft { Kind = AddressKind.Billing, Lines = ["1 Infinite Loop"], City = "Cupertino", Region = "CA", PostalCode = "95014", Country = "US" },
            new PostalAddressDraft { Kind = AddressKind.Shipping, City = "Paris", Country = "FR" },
        ],
        Tags = ["VIP", "Mathematics", "vip"],
        CustomFields = new Dictionary<string, CustomFieldValue>
        {
            ["nickname"] = CustomFieldValue.Text("Enchantress of Numbers"),
            ["credit_limit"] = CustomFieldValue.Number(12345.6789m),
            ["birthday"] = CustomFieldValue.Date(new LocalDate(1815, 12, 10)),
            ["newsletter"] = CustomFieldValue.Boolean(true),
            ["tier"] = CustomFieldValue.Choice("gold"),
        },
        LifecycleStage = LifecycleStage.Prospect,
        OwnerId = "rep-7",
        ExternalIds = new Dictionary<string, string> { ["ERP"] = "C-10023", ["shop"] = "42" },
        Consents =
        [
            new ConsentRecord(ConsentChannel.Email, ConsentStatus.Granted, ConsentTime, "web-form"),
            new ConsentRecord(ConsentChannel.Sms, ConsentStatus.Granted, ConsentTime + Duration.FromMinutes(1), "web-form"),
            new ConsentRecord(ConsentChannel.Email, ConsentStatus.Withdrawn, ConsentTime + Duration.FromDays(3), "unsubscribe-link"),
        ],
    };

    /// <summary>A person with every field survives a restart of the host, field by field.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Person_with_every_field_reads_back_the_same_after_reopening()
    {
        var created = await Crm.Customers.CreateAsync(FullPersonDraft());
        Assert.Equal(1, created.Version);

        var reopened = await ReopenAsync();
        var read = await reopened.Customers.GetAsync(created.Id);

        AssertSameCustomer(created, read);
        Assert.Equal("Ada Lovelace", read.DisplayName);
        Assert.Equal(PersonName.Create("Ada", "Lovelace", "Augusta"), read.PersonName);
        Assert.Equal(["ada@example.com", "ada.home@example.org"], read.Emails.Select(e => e.Address.Normalized));
        Assert.Equal("Ada@Example.com", read.Emails[0].Address.Value);
        Assert.Equal("ada@example.com", read.PrimaryEmail?.Normalized);
        Assert.Equal(["+442079460958", "+14155550100", "+441614960000"], read.Phones.Select(p => p.Number.E164));
        Assert.Equal(["office", "mobile", null], read.Phones.Select(p => p.Label));
        Assert.Equal("GB", read.Addresses[0].Country);
        Assert.Equal(["mathematics", "vip"], read.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(5, read.CustomFields.Count);
        Assert.Equal(CustomFieldValue.Number(12345.6789m), read.CustomFields["credit_limit"]);
        Assert.Equal(CustomFieldValue.Date(new LocalDate(1815, 12, 10)), read.CustomFields["birthday"]);
        Assert.Equal(["erp:C-10023", "shop:42"], read.ExternalIds.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.False(read.HasConsent(ConsentChannel.Email));
        Assert.True(read.HasConsent(ConsentChannel.Sms));
        Assert.Equal(3, read.ConsentHistory.Count);
    }

    /// <summary>A company and the changes made through the customer's methods survive a restart.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Company_changed_through_its_methods_reads_back_the_same_after_reopening()
    {
        var created = await Crm.Customers.CreateAsync(new CustomerDraft
        {
            Kind = CustomerKind.Company,
            CompanyName = "Analytical Engines Ltd",
            Emails = ["sales@engines.example"],
        });
        Assert.Equal("Analytical Engines Ltd", created.DisplayName);

        var customer = await Crm.Customers.GetAsync(created.Id);
        customer.Rename("Analytical Engines");
        customer.AddEmail("billing@engines.example", "billing", makePrimary: true);
        customer.AddPhone("020 7946 0000", "switchboard");
        customer.AddAddress(PostalAddress.Create(new PostalAddressDraft { Kind = AddressKind.Work, Lines = ["1 Main St"], City = "Leeds", Country = "GB" }));
        customer.AddTag("Key Account");
        customer.SetCustomField("tier", CustomFieldValue.Choice("silver"));
        customer.SetCustomField("newsletter", CustomFieldValue.Boolean(false));
        customer.ChangeLifecycleStage(LifecycleStage.Customer);
        customer.AssignOwner("rep-9");
        customer.AddExternalId("erp", "K-1");
        customer.GrantConsent(ConsentChannel.Post, "contract");
        Clock.Advance(Duration.FromHours(1));
        await Crm.Customers.UpdateAsync(customer);
        Assert.Equal(2, customer.Version);

        var read = await (await ReopenAsync()).Customers.GetAsync(created.Id);

        AssertSameCustomer(customer, read);
        Assert.Equal(CustomerKind.Company, read.Kind);
        Assert.Null(read.PersonName);
        Assert.Equal("billing@engines.example", read.PrimaryEmail?.Value);
        Assert.True(read.UpdatedAt > read.CreatedAt);
    }

    /// <summary>Find by email ignores case and surrounding white space.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Find_by_email_ignores_case_and_white_space()
    {
        var ada = await Crm.Customers.CreateAsync(FullPersonDraft());
        await Crm.Customers.CreateAsync(TestDrafts.Customer("Someone else") with { Emails = ["other@example.com"] });

        foreach (var text in new[] { "ada@example.com", "  ADA@EXAMPLE.COM ", "Ada.Home@Example.ORG" })
        {
            var found = await Crm.Customers.FindByEmailAsync(text);
            Assert.Equal(ada.Id, Assert.Single(found).Id);
        }

        Assert.Empty(await Crm.Customers.FindByEmailAsync("nobody@example.com"));
        await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.FindByEmailAsync("not an address"));
    }

    /// <summary>Find by phone accepts the national form (in the default phone region) and every international form.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Find_by_phone_accepts_national_and_international_forms()
    {
        var ada = await Crm.Customers.CreateAsync(FullPersonDraft());
        var shared = await Crm.Customers.CreateAsync(TestDrafts.Customer("Colleague") with { Phones = ["+44 20 7946 0958"] });

        foreach (var text in new[] { "020 7946 0958", "+44 20 7946 0958", "0044 (20) 7946-0958", "+442079460958" })
        {
            var found = await Crm.Customers.FindByPhoneAsync(text);
            Assert.Equal([ada.Id, shared.Id], found.Select(c => c.Id));
        }

        Assert.Equal(ada.Id, Assert.Single(await Crm.Customers.FindByPhoneAsync("+1 415 555 0100")).Id);
        Assert.Empty(await Crm.Customers.FindByPhoneAsync("+1 415 555 0199"));
    }

    /// <summary>Find by external id: the source is case-insensitive, the value is not.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Find_by_external_id_returns_the_one_customer()
    {
        var ada = await Crm.Customers.CreateAsync(FullPersonDraft());
        await Crm.Customers.CreateAsync(TestDrafts.Customer("Other") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "C-10024" } });

        Assert.Equal(ada.Id, (await Crm.Customers.FindByExternalIdAsync("erp", "C-10023"))?.Id);
        Assert.Equal(ada.Id, (await Crm.Customers.FindByExternalIdAsync("ERP", "C-10023"))?.Id);
        Assert.Null(await Crm.Customers.FindByExternalIdAsync("erp", "c-10023"));
        Assert.Null(await Crm.Customers.FindByExternalIdAsync("crm", "C-10023"));
    }

    /// <summary>An external id is unique across customers: the second customer is refused and nothing of it is written.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task External_id_taken_by_another_customer_is_refused_and_nothing_is_written()
    {
        var first = await Crm.Customers.CreateAsync(TestDrafts.Customer("First") with { ExternalIds = new Dictionary<string, string> { ["erp"] = "C-1" } });

        var ex = await Assert.ThrowsAsync<DuplicateKeyException>(() =>
            Crm.Customers.CreateAsync(TestDrafts.Customer("Second") with { Emails = ["second@example.com"], ExternalIds = new Dictionary<string, string> { ["ERP"] = "C-1" } }));
        Assert.Contains("C-1", ex.Value, StringComparison.Ordinal);

        var everyone = await Crm.Customers.ListAsync(CustomerFilter.All, PageRequest.First);
        Assert.Equal(first.Id, Assert.Single(everyone.Items).Id);
        Assert.Empty(await Crm.Customers.FindByEmailAsync("second@example.com"));

        var taken = await Crm.Customers.GetAsync(first.Id);
        var other = await Crm.Customers.CreateAsync(TestDrafts.Customer("Third"));
        other.AddExternalId("erp", "C-1");
        await Assert.ThrowsAsync<DuplicateKeyException>(() => Crm.Customers.UpdateAsync(other));
        Assert.Empty((await Crm.Customers.GetAsync(other.Id)).ExternalIds);
        Assert.Equal(1, (await Crm.Customers.GetAsync(other.Id)).Version);
        Assert.Equal(taken.Id, (await Crm.Customers.FindByExternalIdAsync("erp", "C-1"))?.Id);
    }

    /// <summary>120 customers in pages of 25: each exactly once, in name order.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Search_pages_through_every_customer_once_in_name_order()
    {
        var uow = Crm.BeginUnitOfWork();
        var names = Enumerable.Range(0, 120).Select(i => $"Customer {(i * 7919) % 120:D3}").ToList();
        foreach (var name in names)
        {
            await uow.CreateCustomerAsync(TestDrafts.Customer(name));
        }

        await uow.CommitAsync();

        var pages = await AllPagesAsync(25, page => Crm.Customers.ListAsync(CustomerFilter.All, page));

        Assert.Equal([25, 25, 25, 25, 20], pages.Select(p => p.Items.Count));
        Assert.Null(pages[^1].ContinuationToken);
        var read = pages.SelectMany(p => p.Items).Select(c => c.DisplayName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), read);
    }

    /// <summary>Name prefix, tag, lifecycle stage and owner combine with AND, and the combination pages too.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Search_combines_name_prefix_tag_stage_and_owner()
    {
        var uow = Crm.BeginUnitOfWork();
        var expected = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var name = (i % 2 == 0 ? "Alpha " : "Beta ") + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var tag = i % 3 == 0 ? "vip" : "regular";
            var stage = i % 4 == 0 ? LifecycleStage.Customer : LifecycleStage.Lead;
            var owner = i % 5 == 0 ? "rep-1" : "rep-2";
            await uow.CreateCustomerAsync(TestDrafts.Customer(name) with { Tags = [tag], LifecycleStage = stage, OwnerId = owner });
            if (name.StartsWith("Alpha", StringComparison.Ordinal) && tag == "vip" && stage == LifecycleStage.Customer && owner == "rep-2")
            {
                expected.Add(name);
            }
        }

        await uow.CommitAsync();
        var criteria = new CustomerFilter { NamePrefix = "alp", Tag = "VIP", LifecycleStage = LifecycleStage.Customer, OwnerId = "rep-2" };

        var pages = await AllPagesAsync(2, page => Crm.Customers.ListAsync(criteria, page));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), pages.SelectMany(p => p.Items).Select(c => c.DisplayName));
        Assert.Equal(20, (await AllPagesAsync(7, page => Crm.Customers.ListAsync(new CustomerFilter { Tag = "vip" }, page))).Sum(p => p.Items.Count));
        Assert.Equal(12, (await AllPagesAsync(50, page => Crm.Customers.ListAsync(new CustomerFilter { OwnerId = "rep-1" }, page))).Sum(p => p.Items.Count));
        Assert.Equal(15, (await AllPagesAsync(50, page => Crm.Customers.ListAsync(new CustomerFilter { LifecycleStage = LifecycleStage.Customer }, page))).Sum(p => p.Items.Count));
        Assert.Equal(30, (await AllPagesAsync(50, page => Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = "BETA" }, page))).Sum(p => p.Items.Count));
    }

    /// <summary>A name prefix matches literally (no wildcards) and ignores case, also beyond ASCII.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Name_prefix_matches_literally_and_ignores_case()
    {
        var uow = Crm.BeginUnitOfWork();
        foreach (var name in new[] { "100% Cotton", "100 Percent", "A_B Trading", "AXB Trading", "Émile Zola", "Emil Nolde", "Ölfirma" })
        {
            await uow.CreateCustomerAsync(TestDrafts.Customer(name));
        }

        await uow.CommitAsync();

        async Task<IEnumerable<string>> Search(string prefix) =>
            (await Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = prefix }, PageRequest.First)).Items.Select(c => c.DisplayName);

        Assert.Equal(["100% Cotton"], await Search("100%"));
        Assert.Equal(["A_B Trading"], await Search("a_b"));
        Assert.Equal(["Émile Zola"], await Search("émi"));
        Assert.Equal(["Ölfirma"], await Search("öL"));
        Assert.Equal(["Emil Nolde"], await Search("EMIL"));
    }

    /// <summary>A continuation token that was changed, or comes from another list, is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Tampered_or_foreign_continuation_token_is_refused()
    {
        var uow = Crm.BeginUnitOfWork();
        for (var i = 0; i < 5; i++)
        {
            await uow.CreateCustomerAsync(TestDrafts.Customer($"Customer {i}") with { Tags = ["vip"] });
        }

        await uow.CommitAsync();
        var first = await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2));
        var token = Assert.IsType<string>(first.ContinuationToken);

        var tampered = (token[0] == 'A' ? "B" : "A") + token[1..];
        foreach (var bad in new[] { tampered, "not a token", token + "!" })
        {
            var ex = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, bad)));
            Assert.Contains(ex.Errors, e => e.Field == "ContinuationToken");
        }

        await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.ListAsync(new CustomerFilter { Tag = "vip" }, new PageRequest(2, token)));
        Assert.Equal(2, (await Crm.Customers.ListAsync(CustomerFilter.All, new PageRequest(2, token))).Items.Count);
    }

    /// <summary>Reading, updating or deleting a customer that does not exist names it.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Unknown_customer_is_not_found()
    {
        var id = new CustomerId(Guid.CreateVersion7());

        var ex = await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.GetAsync(id));
        Assert.Equal(id.ToString(), ex.Id);
        Assert.Null(await Crm.Customers.FindAsync(id));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.DeleteAsync(id));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => Crm.Customers.GetSummaryAsync(id));
    }

    /// <summary>An invalid draft lists every failing field and writes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public virtual async Task Invalid_customer_lists_every_failing_field_and_writes_nothing()
    {
        var ex = await Assert.ThrowsAsync<CrmValidationException>(() => Crm.Customers.CreateAsync(new CustomerDraft
        {
            Emails = ["not-an-email"],
            Phones = ["12"],
            CustomFields = new Dictionary<string, CustomFieldValue> { ["tier"] = CustomFieldValue.Choice("platinum"), ["unknown"] = CustomFieldValue.Text("x") },
        }));

        Assert.Contains(ex.Errors, e => e.Field == "DisplayName");
        Assert.Contains(ex.Errors, e => e.Field.StartsWith("Emails[0]", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field.StartsWith("Phones[0]", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Field == "CustomFields.tier");
        Assert.Contains(ex.Errors, e => e.Field == "CustomFields.unknown");
        Assert.Empty((await Crm.Customers.ListAsync(CustomerFilter.All, PageRequest.First)).Items);
    }

    /// <summary>Compares every public property of two customers.</summary>
    /// <param name="expected">The customer as the caller had it.</param>
    /// <param name="actual">The customer as read back.</param>
    protected static void AssertSameCustomer(Customer expected, Customer actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.PersonName, actual.PersonName);
        Assert.Equal(expected.PersonName?.GivenName, actual.PersonName?.GivenName);
        Assert.Equal(expected.PersonName?.MiddleName, actual.PersonName?.MiddleName);
        Assert.Equal(expected.PersonName?.FamilyName, actual.PersonName?.FamilyName);
        Assert.Equal(expected.CompanyName, actual.CompanyName);
        Assert.Equal(expected.Emails.Select(e => (e.Address.Value, e.Address.Normalized, e.Label, e.IsPrimary)), actual.Emails.Select(e => (e.Address.Value, e.Address.Normalized, e.Label, e.IsPrimary)));
        Assert.Equal(expected.PrimaryEmail, actual.PrimaryEmail);
        Assert.Equal(expected.Phones.Select(p => (p.Number.Raw, p.Number.E164, p.Label)), actual.Phones.Select(p => (p.Number.Raw, p.Number.E164, p.Label)));
        Assert.Equal(expected.Addresses.Count, actual.Addresses.Count);
        for (var i = 0; i < expected.Addresses.Count; i++)
        {
            var (e, a) = (expected.Addresses[i], actual.Addresses[i]);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Lines, a.Lines);
            Assert.Equal(e.City, a.City);
            Assert.Equal(e.Region, a.Region);
            Assert.Equal(e.PostalCode, a.PostalCode);
            Assert.Equal(e.Country, a.Country);
        }

        Assert.Equal(expected.Tags.Order(StringComparer.Ordinal), actual.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(expected.CustomFields.OrderBy(p => p.Key, StringComparer.Ordinal), actual.CustomFields.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.LifecycleStage, actual.LifecycleStage);
        Assert.Equal(expected.OwnerId, actual.OwnerId);
        Assert.Equal(expected.ExternalIds.Select(e => (e.Source, e.Value)), actual.ExternalIds.Select(e => (e.Source, e.Value)));
        Assert.Equal(expected.Consents.OrderBy(p => p.Key), actual.Consents.OrderBy(p => p.Key));
        Assert.Equal(expected.ConsentHistory, actual.ConsentHistory);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }
}
