using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>
/// How a <see cref="Customer"/> is stored: collection <c>customers</c>, a JSON body (<see cref="CustomerDocument"/>,
/// written with <see cref="CrmJson"/>), and the index values the query side filters and orders on. The constants and
/// key builders here are the only spelling of those names; the query side uses them rather than repeating strings.
/// </summary>
internal sealed class CustomerMapping : IDocumentMapping<Customer>
{
    /// <summary>The collection (table) name.</summary>
    public const string CollectionName = "customers";

    /// <summary>Person or company, as kebab-case text (<c>person</c>, <c>company</c>).</summary>
    public const string KindIndex = "kind";

    /// <summary>The display name folded by <see cref="NameKey"/>: prefix search and ordering by name.</summary>
    public const string NameKeyIndex = "name_key";

    /// <summary>The lifecycle stage as kebab-case text (<see cref="StageValue"/>).</summary>
    public const string LifecycleStageIndex = "lifecycle_stage";

    /// <summary>The owner's host user id, or null.</summary>
    public const string OwnerIdIndex = "owner_id";

    /// <summary>The tags (normalized), multi-valued.</summary>
    public const string TagsIndex = "tags";

    /// <summary>The email addresses (normalized), multi-valued.</summary>
    public const string EmailsIndex = "emails";

    /// <summary>The phone numbers (E.164), multi-valued.</summary>
    public const string PhonesIndex = "phones";

    /// <summary>The external ids as <c>source:value</c> (<see cref="ExternalIdKey"/>), multi-valued and unique across customers.</summary>
    public const string ExternalIdsIndex = "external_ids";

    /// <summary>The creation time (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string CreatedAtIndex = "created_at";

    /// <summary>The time of the last saved change (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string UpdatedAtIndex = "updated_at";

    /// <summary>The format of the document body; raised when the shape changes incompatibly.</summary>
    private const int FormatVersion = 1;

    /// <summary>The collection with its indexes: the ones above, plus (owner, name) and (stage, name) for sorted lists per owner and per stage.</summary>
    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(KindIndex, IndexValueType.Text),
            new IndexDefinition(NameKeyIndex, IndexValueType.Text),
            new IndexDefinition(LifecycleStageIndex, IndexValueType.Text),
            new IndexDefinition(OwnerIdIndex, IndexValueType.Text),
            new IndexDefinition(TagsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(EmailsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(PhonesIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(ExternalIdsIndex, IndexValueType.Text, isMultiValued: true, isUnique: true),
            new IndexDefinition(CreatedAtIndex, IndexValueType.WholeNumber),
            new IndexDefinition(UpdatedAtIndex, IndexValueType.WholeNumber),
        ],
        [
            [OwnerIdIndex, NameKeyIndex],
            [LifecycleStageIndex, NameKeyIndex],
        ]);

    /// <inheritdoc />
    public CollectionDefinition Collection => Definition;

    /// <inheritdoc />
    public string EntityName => nameof(Customer);

    /// <summary>The name key of a display name: Unicode normalization form KC, then lower-cased (invariant culture).</summary>
    /// <param name="displayName">The display name, or a prefix typed into a search box.</param>
    /// <returns>The key to store or to search with.</returns>
    public static string NameKey(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return displayName.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
    }

    /// <summary>The index text of a customer kind.</summary>
    public static string KindValue(CustomerKind kind) => EnumText(kind);

    /// <summary>The index text of a lifecycle stage.</summary>
    public static string StageValue(LifecycleStage stage) => EnumText(stage);

    /// <summary>The index text of an external id: <c>source:value</c>, the source lower-cased.</summary>
    public static string ExternalIdKey(string source, string value) => ExternalId.NormalizeSource(source) + ":" + value.Trim();

    /// <inheritdoc />
    public Guid GetId(Customer aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.Id.Value;
    }

    /// <inheritdoc />
    public long GetVersion(Customer aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.Version;
    }

    /// <inheritdoc />
    public void SetVersion(Customer aggregate, long version)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        aggregate.Version = version;
    }

    /// <inheritdoc />
    public string Serialize(Customer aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var document = new CustomerDocument(
            FormatVersion,
            aggregate.Kind,
            aggregate.DisplayName,
            aggregate.PersonName is { } name ? new PersonNameDocument(name.GivenName, name.FamilyName, name.MiddleName) : null,
            aggregate.CompanyName,
            aggregate.Emails.Select(e => new EmailDocument(e.Address.Value, e.Label, e.IsPrimary)).ToList(),
            aggregate.Phones.Select(p => new PhoneDocument(p.Number.Raw, p.Number.E164, p.Label)).ToList(),
            aggregate.Addresses.Select(a => new AddressDocument(a.Kind, a.Lines.ToList(), a.City, a.Region, a.PostalCode, a.Country)).ToList(),
            aggregate.Tags.ToList(),
            aggregate.CustomFields.ToDictionary(f => f.Key, f => ToDocument(f.Value), StringComparer.Ordinal),
            aggregate.LifecycleStage,
            aggregate.OwnerId,
            aggregate.ExternalIds.Select(e => new ExternalIdDocument(e.Source, e.Value)).ToList(),
            aggregate.ConsentHistory.Select(c => new ConsentDocument(c.Channel, c.Status, c.At, c.Source)).ToList(),
            aggregate.CreatedAt,
            aggregate.UpdatedAt);
        return CrmJson.Serialize(document);
    }

    /// <inheritdoc />
    public Customer Deserialize(StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = CrmJson.Deserialize<CustomerDocument>(document.Body, CollectionName);
        if (body.FormatVersion != FormatVersion)
        {
            throw new CrmStorageException($"Customer '{document.Id}' is stored in format {body.FormatVersion}; this version of Crm.Sdk reads format {FormatVersion}.", null);
        }

        return Customer.Restore(
            new CustomerId(document.Id),
            document.Version,
            body.Kind,
            body.DisplayName,
            body.PersonName is { } name ? PersonName.FromStored(name.GivenName, name.FamilyName, name.MiddleName) : null,
            body.CompanyName,
            body.Emails.Select(e => new CustomerEmail(EmailAddress.FromStored(e.Address), e.Label, e.IsPrimary)),
            body.Phones.Select(p => new CustomerPhone(PhoneNumber.FromStored(p.Raw, p.E164), p.Label)),
            body.Addresses.Select(a => PostalAddress.FromStored(a.Kind, a.Lines, a.City, a.Region, a.PostalCode, a.Country)),
            body.Tags,
            body.CustomFields.Select(f => KeyValuePair.Create(f.Key, FromDocument(f.Value, document.Id, f.Key))),
            body.LifecycleStage,
            body.OwnerId,
            body.ExternalIds.Select(e => ExternalId.FromStored(e.Source, e.Value)),
            body.Consents.Select(c => new ConsentRecord(c.Channel, c.Status, c.At, c.Source)),
            body.CreatedAt,
            body.UpdatedAt);
    }

    /// <inheritdoc />
    public IndexValues GetIndexValues(Customer aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return new IndexValues()
            .Set(KindIndex, KindValue(aggregate.Kind))
            .Set(NameKeyIndex, NameKey(aggregate.DisplayName))
            .Set(LifecycleStageIndex, StageValue(aggregate.LifecycleStage))
            .Set(OwnerIdIndex, aggregate.OwnerId)
            .SetMany(TagsIndex, aggregate.Tags)
            .SetMany(EmailsIndex, aggregate.Emails.Select(e => e.Address.Normalized))
            .SetMany(PhonesIndex, aggregate.Phones.Select(p => p.Number.E164))
            .SetMany(ExternalIdsIndex, aggregate.ExternalIds.Select(e => e.Key))
            .Set(CreatedAtIndex, (long?)IndexConversions.ToIndex(aggregate.CreatedAt))
            .Set(UpdatedAtIndex, (long?)IndexConversions.ToIndex(aggregate.UpdatedAt));
    }

    private static string EnumText<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static CustomFieldDocument ToDocument(CustomFieldValue value) => value switch
    {
        TextFieldValue text => new CustomFieldDocument(CustomFieldType.Text, text.Value, null, null, null),
        NumberFieldValue number => new CustomFieldDocument(CustomFieldType.Number, null, number.Value, null, null),
        DateFieldValue date => new CustomFieldDocument(CustomFieldType.Date, null, null, date.Value, null),
        BooleanFieldValue flag => new CustomFieldDocument(CustomFieldType.Boolean, null, null, null, flag.Value),
        ChoiceFieldValue choice => new CustomFieldDocument(CustomFieldType.Choice, choice.Value, null, null, null),
        _ => throw new InvalidOperationException($"Unknown custom field value type {value.GetType()}."),
    };

    private static CustomFieldValue FromDocument(CustomFieldDocument value, Guid id, string key) => value switch
    {
        { Type: CustomFieldType.Text, Text: { } text } => CustomFieldValue.Text(text),
        { Type: CustomFieldType.Number, Number: { } number } => CustomFieldValue.Number(number),
        { Type: CustomFieldType.Date, Date: { } date } => CustomFieldValue.Date(date),
        { Type: CustomFieldType.Boolean, Boolean: { } flag } => CustomFieldValue.Boolean(flag),
        { Type: CustomFieldType.Choice, Text: { } choice } => CustomFieldValue.Choice(choice),
        _ => throw new CrmStorageException($"Customer '{id}' has an unreadable value for custom field '{key}'.", null),
    };

    private sealed record CustomerDocument(
        [property: JsonRequired] int FormatVersion,
        [property: JsonRequired] CustomerKind Kind,
        [property: JsonRequired] string DisplayName,
        PersonNameDocument? PersonName,
        string? CompanyName,
        [property: JsonRequired] List<EmailDocument> Emails,
        [property: JsonRequired] List<PhoneDocument> Phones,
        [property: JsonRequired] List<AddressDocument> Addresses,
        [property: JsonRequired] List<string> Tags,
        [property: JsonRequired] Dictionary<string, CustomFieldDocument> CustomFields,
        [property: JsonRequired] LifecycleStage LifecycleStage,
        string? OwnerId,
        [property: JsonRequired] List<ExternalIdDocument> ExternalIds,
        [property: JsonRequired] List<ConsentDocument> Consents,
        [property: JsonRequired] Instant CreatedAt,
        [property: JsonRequired] Instant UpdatedAt);

    private sealed record PersonNameDocument(string? GivenName, string? FamilyName, string? MiddleName);

    private sealed record EmailDocument([property: JsonRequired] string Address, string? Label, [property: JsonRequired] bool IsPrimary);

    private sealed record PhoneDocument([property: JsonRequired] string Raw, [property: JsonRequired] string E164, string? Label);

    private sealed record AddressDocument([property: JsonRequired] AddressKind Kind, [property: JsonRequired] List<string> Lines, string? City, string? Region, string? PostalCode, [property: JsonRequired] string Country);

    private sealed record CustomFieldDocument([property: JsonRequired] CustomFieldType Type, string? Text, decimal? Number, LocalDate? Date, bool? Boolean);

    private sealed record ExternalIdDocument([property: JsonRequired] string Source, [property: JsonRequired] string Value);

    private sealed record ConsentDocument([property: JsonRequired] ConsentChannel Channel, [property: JsonRequired] ConsentStatus Status, [property: JsonRequired] Instant At, [property: JsonRequired] string Source);
}
