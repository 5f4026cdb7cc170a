using Crm.Sdk.Customers;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using NodaTime;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>How a customer becomes a stored document and back.</summary>
public sealed class CustomerMappingTests
{
    private readonly CustomerMapping _mapping = new();

    private static Customer FullCustomer()
    {
        var customer = Create(new CustomerDraft
        {
            Kind = CustomerKind.Person,
            DisplayName = "Ｄｒ. Ada Lovelace",
            GivenName = "Ada",
            MiddleName = "King",
            FamilyName = "Lovelace",
            Emails = ["Ada@Example.com", new ContactDraft { Value = "ada@work.example", Label = "work" }],
            Phones = [new ContactDraft { Value = "020 7946 0958", Label = "home" }, "+1 415 555 0100"],
            Addresses =
            [
                new PostalAddressDraft { Kind = AddressKind.Billing, Lines = ["1 Main St", "Flat 2"], City = "Leeds", Region = "West Yorkshire", PostalCode = "LS1 1AA", Country = "GB" },
                new PostalAddressDraft { Kind = AddressKind.Shipping, City = "Paris", Country = "FR" },
            ],
            Tags = ["VIP", "newsletter"],
            CustomFields = new Dictionary<string, CustomFieldValue>
            {
                ["tier"] = CustomFieldValue.Choice("gold"),
                ["nickname"] = CustomFieldValue.Text("A \"1st\""),
                ["credit_limit"] = CustomFieldValue.Number(1234.5600m),
                ["birthday"] = CustomFieldValue.Date(new LocalDate(1815, 12, 10)),
                ["vip"] = CustomFieldValue.Boolean(false),
            },
            LifecycleStage = LifecycleStage.Customer,
            OwnerId = "rep-42",
            ExternalIds = new Dictionary<string, string> { ["ERP"] = "C-10023", ["shop"] = "s:77" },
        });
        customer.GrantConsent(ConsentChannel.Email, "web-form", Now + Duration.FromTicks(1234567));
        customer.WithdrawConsent(ConsentChannel.Email, "unsubscribe-link", Now + Duration.FromDays(3));
        customer.GrantConsent(ConsentChannel.Post, "call-centre", Now + Duration.FromDays(4));
        customer.Touch(Now + Duration.FromDays(5) + Duration.FromNanoseconds(7));
        customer.Version = 3;
        return customer;
    }

    /// <summary>A customer survives a round trip field for field.</summary>
    [Fact]
    public void A_customer_survives_a_round_trip_field_for_field()
    {
        var original = FullCustomer();

        var restored = _mapping.Deserialize(new StoredDocument(original.Id.Value, 3, _mapping.Serialize(original)));

        Assert.Equal(original.Id, restored.Id);
        Assert.Equal(original.Version, restored.Version);
        Assert.Equal(original.Kind, restored.Kind);
        Assert.Equal(original.DisplayName, restored.DisplayName);
        Assert.Equal(original.PersonName, restored.PersonName);
        Assert.Equal(original.CompanyName, restored.CompanyName);
        Assert.Equal(original.Emails, restored.Emails);
        Assert.Equal(original.Emails.Select(e => e.Address.Value), restored.Emails.Select(e => e.Address.Value));
        Assert.Equal(original.PrimaryEmail, restored.PrimaryEmail);
        Assert.Equal(original.Phones, restored.Phones);
        Assert.Equal(original.Phones.Select(p => p.Number.Raw), restored.Phones.Select(p => p.Number.Raw));
        Assert.Equal(original.Addresses, restored.Addresses);
        Assert.Equal(original.Tags, restored.Tags);
        Assert.Equal(original.CustomFields, restored.CustomFields);
        Assert.Equal(4, Assert.IsType<NumberFieldValue>(restored.CustomFields["credit_limit"]).Value.Scale);
        Assert.Equal(original.LifecycleStage, restored.LifecycleStage);
        Assert.Equal(original.OwnerId, restored.OwnerId);
        Assert.Equal(original.ExternalIds, restored.ExternalIds);
        Assert.Equal(original.Consents, restored.Consents);
        Assert.Equal(original.ConsentHistory, restored.ConsentHistory);
        Assert.Equal(original.CreatedAt, restored.CreatedAt);
        Assert.Equal(original.UpdatedAt, restored.UpdatedAt);
        Assert.Equal(CustomerSnapshot.Of(original), CustomerSnapshot.Of(restored));
    }

    /// <summary>A restored customer has no events.</summary>
    [Fact]
    public void A_restored_customer_has_no_events()
    {
        var original = FullCustomer();

        var restored = _mapping.Deserialize(new StoredDocument(original.Id.Value, 1, _mapping.Serialize(original)));

        Assert.Empty(restored.DomainEvents);
    }

    /// <summary>A minimal customer survives a round trip.</summary>
    [Fact]
    public void A_minimal_customer_survives_a_round_trip()
    {
        var original = Create(new CustomerDraft { Kind = CustomerKind.Company, DisplayName = "Acme" });

        var restored = _mapping.Deserialize(new StoredDocument(original.Id.Value, 1, _mapping.Serialize(original)));

        Assert.Equal(CustomerSnapshot.Of(original).Replace("\"Version\":0", "\"Version\":1", StringComparison.Ordinal), CustomerSnapshot.Of(restored));
    }

    /// <summary>The document uses camel case and kebab case enums.</summary>
    [Fact]
    public void The_document_uses_camel_case_and_kebab_case_enums()
    {
        var json = _mapping.Serialize(FullCustomer());

        Assert.Contains("\"displayName\":\"Ｄｒ. Ada Lovelace\"", json, StringComparison.Ordinal);
        Assert.Contains("\"lifecycleStage\":\"customer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"formatVersion\":1", json, StringComparison.Ordinal);
    }

    /// <summary>An unreadable document is a storage error.</summary>
    [Fact]
    public void An_unreadable_document_is_a_storage_error()
    {
        Assert.Throws<CrmStorageException>(() => _mapping.Deserialize(new StoredDocument(Guid.CreateVersion7(), 1, "{\"formatVersion\":1}")));
        Assert.Throws<CrmStorageException>(() => _mapping.Deserialize(new StoredDocument(Guid.CreateVersion7(), 1, "not json")));
    }

    /// <summary>Index values are extracted as declared.</summary>
    [Fact]
    public void Index_values_are_extracted_as_declared()
    {
        var customer = FullCustomer();

        var values = _mapping.GetIndexValues(customer);

        Assert.Equal("person", values[CustomerMapping.KindIndex]);
        Assert.Equal("dr. ada lovelace", values[CustomerMapping.NameKeyIndex]);
        Assert.Equal("customer", values[CustomerMapping.LifecycleStageIndex]);
        Assert.Equal("rep-42", values[CustomerMapping.OwnerIdIndex]);
        Assert.Equal(["newsletter", "vip"], values.GetMany(CustomerMapping.TagsIndex));
        Assert.Equal(["ada@example.com", "ada@work.example"], values.GetMany(CustomerMapping.EmailsIndex));
        Assert.Equal(["+442079460958", "+14155550100"], values.GetMany(CustomerMapping.PhonesIndex));
        Assert.Equal(["erp:C-10023", "shop:s:77"], values.GetMany(CustomerMapping.ExternalIdsIndex));
        Assert.Equal(customer.CreatedAt.ToUnixTimeTicks(), values[CustomerMapping.CreatedAtIndex]);
        Assert.Equal(customer.UpdatedAt.ToUnixTimeTicks(), values[CustomerMapping.UpdatedAtIndex]);
        Assert.All(values, v => Assert.True(_mapping.Collection.HasIndex(v.Key), v.Key));
        Assert.Equal(_mapping.Collection.Indexes.Count, values.Count);
    }

    /// <summary>The collection declares the indexes the query side relies on.</summary>
    [Fact]
    public void The_collection_declares_the_indexes_the_query_side_relies_on()
    {
        var collection = _mapping.Collection;

        Assert.Equal("customers", collection.Name);
        Assert.Equal("Customer", _mapping.EntityName);
        var externalIds = collection.GetIndex(CustomerMapping.ExternalIdsIndex);
        Assert.True(externalIds.IsUnique && externalIds.IsMultiValued);
        Assert.Equal(IndexValueType.WholeNumber, collection.GetIndex(CustomerMapping.CreatedAtIndex).Type);
        Assert.True(collection.GetIndex(CustomerMapping.TagsIndex).IsMultiValued);
        Assert.Equal(
            new[] { "owner_id,name_key", "lifecycle_stage,name_key" },
            collection.CompositeIndexes.Select(c => string.Join(',', c)));
    }

    /// <summary>Name key folds compatibility forms and case.</summary>
    [Fact]
    public void Name_key_folds_compatibility_forms_and_case()
    {
        Assert.Equal("acme gmbh", CustomerMapping.NameKey("  ＡＣＭＥ GmbH "));
        Assert.Equal("fine", CustomerMapping.NameKey("ﬁne"));
        Assert.Equal(CustomerMapping.NameKey("Émile"), CustomerMapping.NameKey("E\u0301mile"));
    }

    /// <summary>Id and version are read and written through the mapping.</summary>
    [Fact]
    public void Id_and_version_are_read_and_written_through_the_mapping()
    {
        var customer = Create();

        _mapping.SetVersion(customer, 7);

        Assert.Equal(7, _mapping.GetVersion(customer));
        Assert.Equal(customer.Id.Value, _mapping.GetId(customer));
    }
}
