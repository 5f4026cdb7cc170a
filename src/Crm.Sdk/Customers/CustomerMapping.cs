using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Sdk.Domain;
using Crm.Sdk.Encryption;
using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Crm.Sdk.Storage.Json;
using NodaTime;

namespace Crm.Sdk.Customers;

/// <summary>
/// How a <see cref="Customer"/> is stored: collection <c>customers</c>, a JSON body (<see cref="CustomerDocument"/>,
/// written with <see cref="CrmJson"/>), and the index values the query side filters and orders on. The constants and
/// key builders here are the only spelling of those names; the query side uses them rather than repeating strings.
/// </summary>
internal sealed class CustomerMapping(CustomerPolicy? policy = null, IClock? clock = null) : AggregateMapping<Customer>(Definition, clock)
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

    /// <summary>
    /// Index <c>match_keys</c> (Text, multi-valued): the blocking keys of duplicate detection (<see cref="Duplicates.MatchKeys"/>),
    /// each blind-indexed (HMAC) under the field it comes from when that field is encrypted (<see cref="MatchKeyField"/>).
    /// </summary>
    public const string MatchKeysIndex = "match_keys";

    /// <summary>The time of the last saved change (<see cref="IndexConversions.ToIndex(Instant)"/>).</summary>
    public const string UpdatedAtIndex = "updated_at";

    /// <summary>
    /// Index <c>name_tokens</c> (Text, multi-valued): when display names are encrypted, blind indexes of the prefixes
    /// (<see cref="MinNamePrefix"/> to <see cref="MaxNamePrefix"/> text elements, 1 for a CJK start) of the name key, of
    /// each of its words and of each CJK or non-CJK run inside a word (<see cref="NameTokens"/>), which is what prefix
    /// search uses then; empty otherwise.
    /// </summary>
    public const string NameTokensIndex = "name_tokens";

    /// <summary>
    /// The shortest prefix, in text elements, that encrypted-name search accepts and indexes; a prefix whose first element
    /// is CJK (Han, Hiragana, Katakana, Hangul: <see cref="NameTokens.IsCjk"/>) may have one element.
    /// </summary>
    public const int MinNamePrefix = 2;

    /// <summary>
    /// The longest prefix, in text elements, blind-indexed for encrypted-name search; longer search text is looked up by
    /// its first <see cref="MaxNamePrefix"/> elements, then compared exactly.
    /// </summary>
    public const int MaxNamePrefix = 16;

    public const string DisplayNameField = "display_name";
    private const string PersonNameField = "person_name";
    private const string CompanyNameField = "company_name";
    private const string EmailsField = "emails";
    private const string PhonesField = "phones";
    private const string AddressesField = "addresses";
    private const string TextFieldsField = "text_custom_fields";

    /// <summary>The format of the document body; raised when the shape changes incompatibly.</summary>
    private const int FormatVersion = 1;

    /// <summary>The collection with its indexes: the ones above, plus (owner, name) and (stage, name) for sorted lists per owner and per stage.</summary>
    public static CollectionDefinition Definition { get; } = new(
        CollectionName,
        [
            new IndexDefinition(KindIndex, IndexValueType.Text),
            new IndexDefinition(NameKeyIndex, IndexValueType.Text),
            new IndexDefinition(NameTokensIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(LifecycleStageIndex, IndexValueType.Text),
            new IndexDefinition(OwnerIdIndex, IndexValueType.Text),
            new IndexDefinition(TagsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(EmailsIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(PhonesIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(ExternalIdsIndex, IndexValueType.Text, isMultiValued: true, isUnique: true),
            new IndexDefinition(CreatedAtIndex, IndexValueType.WholeNumber),
            new IndexDefinition(MatchKeysIndex, IndexValueType.Text, isMultiValued: true),
            new IndexDefinition(UpdatedAtIndex, IndexValueType.WholeNumber),
        ],
        [
            [OwnerIdIndex, NameKeyIndex],
            [LifecycleStageIndex, NameKeyIndex],
        ]);

    /// <summary>The name key of a display name: its <see cref="TextKey"/> (NFKC_Casefold, the same on every host and in every globalization mode).</summary>
    /// <param name="displayName">The display name, or a prefix typed into a search box.</param>
    /// <returns>The key to store or to search with.</returns>
    public static string NameKey(string displayName) => TextKey.Of(displayName);

    /// <summary>The index text of a customer kind.</summary>
    public static string KindValue(CustomerKind kind) => EnumText(kind);

    /// <summary>The index text of a lifecycle stage.</summary>
    public static string StageValue(LifecycleStage stage) => EnumText(stage);

    /// <summary>The index text of an external id: <c>source:value</c>, the source normalized (<see cref="ExternalId.NormalizeSource"/>).</summary>
    public static string ExternalIdKey(string source, string value) => ExternalId.NormalizeSource(source) + ":" + value.Trim();

    /// <inheritdoc />
    public override Customer Attach(Customer aggregate)
    {
        base.Attach(aggregate).Policy = policy ?? CustomerPolicy.Default;
        return aggregate;
    }

    public override Guid? GetOwnerId(Customer aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return aggregate.IsErased ? null : aggregate.Id.Value;
    }

    /// <summary>
    /// The prefixes that encrypted-name search indexes for a name key (<see cref="NameTokens.Prefixes"/>): of the whole
    /// key, of each word and of each CJK or non-CJK run inside a word, counted in text elements and never splitting one.
    /// </summary>
    public static IReadOnlyList<string> NamePrefixes(string nameKey) => NameTokens.Prefixes(nameKey);

    /// <summary>Whether encrypted-name search for <paramref name="prefixKey"/> matches <paramref name="nameKey"/> (the exact check after a blind-index match, <see cref="NameTokens.Matches"/>).</summary>
    public static bool MatchesNamePrefix(string nameKey, string prefixKey) => NameTokens.Matches(nameKey, prefixKey);

    /// <summary>Whether search over names stored in clear for <paramref name="prefixKey"/> matches <paramref name="nameKey"/> (<see cref="NameTokens.StartsWholeName"/>).</summary>
    public static bool MatchesPlainNamePrefix(string nameKey, string prefixKey) => NameTokens.StartsWholeName(nameKey, prefixKey);

    /// <inheritdoc />
    public override string Serialize(Customer aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(protector);
        // An erased customer holds no personal data any more, and its data key is gone: nothing is sealed, so nothing
        // personal may be written for it (it would be stored in clear).
        if (aggregate.IsErased && HoldsPersonalData(aggregate))
        {
            throw new DomainRuleException("customer-erased", $"Customer '{aggregate.Id}' was erased; no personal data can be written for it.");
        }

        using var fields = (aggregate.IsErased ? FieldProtector.Plain : protector).ForRecord(CollectionName, aggregate.Id.Value, new RecordClaims(aggregate.Version + 1, aggregate.Id.Value, aggregate.OwnerId));
        var textFields = aggregate.CustomFields.Where(f => f.Value is TextFieldValue).ToDictionary(f => f.Key, f => ((TextFieldValue)f.Value).Value, StringComparer.Ordinal);
        var otherFields = aggregate.CustomFields.Where(f => f.Value is not TextFieldValue).ToDictionary(f => f.Key, f => ToDocument(f.Value), StringComparer.Ordinal);
        var document = new CustomerDocument(
            FormatVersion,
            aggregate.Kind,
            fields.Seal(DisplayNameField, aggregate.DisplayName),
            fields.Seal(PersonNameField, aggregate.PersonName is { } name ? new PersonNameDocument(name.GivenName, name.FamilyName, name.MiddleName) : null),
            fields.Seal(CompanyNameField, aggregate.CompanyName),
            fields.Seal(EmailsField, aggregate.Emails.Select(e => new EmailDocument(e.Address.Value, e.Label, e.IsPrimary)).ToList()),
            fields.Seal(PhonesField, aggregate.Phones.Select(p => new PhoneDocument(p.Number.Raw, p.Number.E164, p.Label)).ToList()),
            fields.Seal(AddressesField, aggregate.Addresses.Select(a => new AddressDocument(a.Kind, a.Lines.ToList(), a.City, a.Region, a.PostalCode, a.Country)).ToList()),
            aggregate.Tags.ToList(),
            otherFields,
            textFields.Count == 0 ? null : fields.Seal(TextFieldsField, textFields),
            aggregate.LifecycleStage,
            aggregate.OwnerId,
            aggregate.ExternalIds.Select(e => new ExternalIdDocument(e.Source, e.Value)).ToList(),
            aggregate.ConsentHistory.Select(c => new ConsentDocument(c.Channel, c.Status, c.At, c.Source)).ToList(),
            aggregate.CreatedAt,
            aggregate.UpdatedAt,
            aggregate.IsErased ? true : null,
            fields.Sealed,
            aggregate.IsErased ? null : protector.BlindIndexKeyId,
            aggregate.IsErased || protector.BlindIndexForm is not { Version: > 1 } form ? null : form.ToString(),
            aggregate.IsErased ? null : MatchKeysVersion);
        return CrmJson.Serialize(document);
    }

    /// <inheritdoc />
    protected override Customer Restore(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protector);
        var body = CrmJson.Deserialize<CustomerDocument>(document.Body, CollectionName);
        ThrowIfOtherFormat(body.FormatVersion, document.Id);

        using var fields = protector.ForRecord(CollectionName, document.Id, new RecordClaims(document.Version, document.Id, body.OwnerId), body.Sealed, body.Erased == true, DisplayNameField);
        var customFields = (body.CustomFields ?? []).Select(f => KeyValuePair.Create(f.Key, FromDocument(f.Value, document.Id, f.Key)))
            .Concat((fields.Open(TextFieldsField, body.TextCustomFields) ?? []).Select(f => KeyValuePair.Create(f.Key, CustomFieldValue.Text(f.Value))));
        return Customer.Restore(
            new CustomerId(document.Id),
            document.Version,
            body.Kind,
            fields.Open(DisplayNameField, body.DisplayName) ?? (body.Erased == true ? Customer.ErasedDisplayName : string.Empty),
            fields.Open(PersonNameField, body.PersonName) is { } name ? PersonName.FromStored(name.GivenName, name.FamilyName, name.MiddleName) : null,
            fields.Open(CompanyNameField, body.CompanyName),
            (fields.Open(EmailsField, body.Emails) ?? []).Select(e => new CustomerEmail(EmailAddress.FromStored(e.Address), e.Label, e.IsPrimary)),
            (fields.Open(PhonesField, body.Phones) ?? []).Select(p => new CustomerPhone(PhoneNumber.FromStored(p.Raw, p.E164), p.Label)),
            (fields.Open(AddressesField, body.Addresses) ?? []).Select(a => PostalAddress.FromStored(a.Kind, a.Lines, a.City, a.Region, a.PostalCode, a.Country)),
            body.Tags,
            customFields,
            body.LifecycleStage,
            body.OwnerId,
            body.ExternalIds.Select(e => ExternalId.FromStored(e.Source, e.Value)),
            body.Consents.Select(c => new ConsentRecord(c.Channel, c.Status, c.At, c.Source)),
            body.CreatedAt,
            body.UpdatedAt,
            body.Erased == true || fields.IsErased);
    }

    /// <summary>
    /// The owner of a stored customer, read without restoring the customer: only its owner and seal are parsed, and the
    /// seal is opened, so the owner is authenticated (a record claim) exactly as a full read would check it. For the access
    /// checks of the records that follow their customer's owner (interactions).
    /// </summary>
    /// <exception cref="CryptographicIntegrityException">The seal does not open with this owner.</exception>
    public static string? ReadOwner(StoredDocument document, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(protector);
        var body = CrmJson.Deserialize<OwnerProbe>(document.Body, CollectionName);
        ThrowIfOtherFormat(body.FormatVersion, document.Id);

        using var fields = protector.ForRecord(CollectionName, document.Id, new RecordClaims(document.Version, document.Id, body.OwnerId), body.Sealed, body.Erased == true, DisplayNameField);
        fields.Open(DisplayNameField, body.DisplayName);
        return body.OwnerId;
    }

    /// <inheritdoc />
    public override bool TryGetClaim(Customer aggregate, string index, out object? value)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        value = index == OwnerIdIndex ? aggregate.OwnerId : null;
        return index == OwnerIdIndex;
    }

    /// <inheritdoc />
    public override IndexValues GetIndexValues(Customer aggregate, FieldProtector protector)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(protector);
        var nameKey = NameKey(aggregate.DisplayName);
        var namesEncrypted = protector.IsEncrypted(CollectionName, DisplayNameField);
        return new IndexValues(Collection)
            .Set(KindIndex, KindValue(aggregate.Kind))
            .Set(NameKeyIndex, namesEncrypted || aggregate.IsErased ? null : nameKey)
            .SetMany(NameTokensIndex, namesEncrypted && !aggregate.IsErased ? NamePrefixes(nameKey).Select(p => protector.IndexValue(CollectionName, DisplayNameField, p)) : [])
            .Set(LifecycleStageIndex, StageValue(aggregate.LifecycleStage))
            .Set(OwnerIdIndex, aggregate.OwnerId)
            .SetMany(TagsIndex, aggregate.Tags)
            .SetMany(EmailsIndex, aggregate.Emails.Select(e => protector.IndexValue(CollectionName, EmailsField, e.Address.Normalized)))
            .SetMany(PhonesIndex, aggregate.Phones.Select(p => protector.IndexValue(CollectionName, PhonesField, p.Number.E164)))
            .SetMany(ExternalIdsIndex, aggregate.ExternalIds.Select(e => e.Key))
            .Set(CreatedAtIndex, (long?)IndexConversions.ToIndex(aggregate.CreatedAt))
            .SetMany(MatchKeysIndex, aggregate.IsErased ? [] : MatchKeyValues(Duplicates.MatchProfile.Of(aggregate, MatchOptions), protector))
            .Set(UpdatedAtIndex, (long?)IndexConversions.ToIndex(aggregate.UpdatedAt));
    }

    /// <summary>
    /// The form the stored document's index values were computed in: member <c>blindIndexForm</c>, or for documents
    /// written before version 2 (member <c>blindIndexKey</c> alone) version 1 under that key; null when none.
    /// </summary>
    public static string? StoredBlindIndexForm(StoredDocument document)
    {
        var probe = CrmJson.Deserialize<BlindIndexKeyProbe>(document.Body, CollectionName);
        return probe.BlindIndexForm ?? (probe.BlindIndexKey is { } key ? Encryption.BlindIndexForm.V1(key).ToString() : null);
    }

    /// <summary>
    /// The body member <c>matchKeys</c> of a customer written with blocking keys (index <see cref="MatchKeysIndex"/>):
    /// <see cref="Duplicates.CustomerMatchKeyUpgrade"/> rewrites only customers without it.
    /// </summary>
    public const int MatchKeysVersion = 1;

    /// <summary>Whether a stored customer was written with blocking keys (body member <c>matchKeys</c>).</summary>
    public static bool HasMatchKeys(StoredDocument document) =>
        CrmJson.Deserialize<MatchKeysProbe>(document.Body, CollectionName).MatchKeys >= MatchKeysVersion;

    /// <summary>What duplicate detection reads from custom fields (birth date, identifiers); set from the host's options.</summary>
    public Duplicates.DuplicateDetectionOptions MatchOptions { get; init; } = new();

    /// <summary>The stored values of a profile's blocking keys: each key, or its blind index when its field is encrypted.</summary>
    public static IEnumerable<string> MatchKeyValues(Duplicates.MatchProfile profile, FieldProtector protector) =>
        Duplicates.MatchKeys.Of(profile).Select(k => protector.IndexValue(CollectionName, MatchKeyField(k.Kind, protector), k.Key)).Distinct(StringComparer.Ordinal);

    /// <summary>The values to look up customers sharing a profile's blocking keys: each key, or its blind indexes under every live key.</summary>
    public static IReadOnlyList<string> MatchKeyLookup(Duplicates.MatchProfile profile, FieldProtector protector) =>
        [.. Duplicates.MatchKeys.Of(profile).SelectMany(k => protector.LookupValues(CollectionName, MatchKeyField(k.Kind, protector), k.Key)).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The field a blocking key is blind-indexed under: emails and phones under their own fields; keys from names,
    /// addresses, birth dates, identifiers and company names under the first of display name, person name, company
    /// name and addresses that is encrypted (so such a key is hashed whenever any of them is), else in clear.
    /// </summary>
    public static string MatchKeyField(Duplicates.MatchKeys.KeyKind kind, FieldProtector protector) => kind switch
    {
        Duplicates.MatchKeys.KeyKind.Email => EmailsField,
        Duplicates.MatchKeys.KeyKind.Phone => PhonesField,
        _ => new[] { DisplayNameField, PersonNameField, CompanyNameField, AddressesField }.FirstOrDefault(f => protector.IsEncrypted(CollectionName, f)) ?? DisplayNameField,
    };

    /// <summary>The values to look customers up by email: the normalized address, or its blind indexes under every live key.</summary>
    public static IReadOnlyList<string> EmailLookup(FieldProtector protector, string normalizedEmail) =>
        protector.LookupValues(CollectionName, EmailsField, normalizedEmail);

    /// <summary>The values to look customers up by phone: the E.164 number, or its blind indexes under every live key.</summary>
    public static IReadOnlyList<string> PhoneLookup(FieldProtector protector, string e164) =>
        protector.LookupValues(CollectionName, PhonesField, e164);

    /// <summary>
    /// The values to search encrypted names by a prefix (its first <see cref="MaxNamePrefix"/> text elements), or
    /// <see langword="null"/> when names are stored in clear. With <paramref name="legacyToo"/> (until
    /// <see cref="CustomerNameTokenUpgrade"/> is complete) the prefix as earlier releases cut it (16 UTF-16 units) is
    /// looked up too, so that customers not re-indexed yet are found by the searches that found them before.
    /// </summary>
    public static IReadOnlyList<string>? NamePrefixLookup(FieldProtector protector, string prefixKey, bool legacyToo = false)
    {
        if (!protector.IsEncrypted(CollectionName, DisplayNameField))
        {
            return null;
        }

        var current = NameTokens.LookupPrefix(prefixKey);
        var legacy = legacyToo ? CustomerNameTokenUpgrade.LegacyLookupPrefix(prefixKey) : current;
        var values = protector.LookupValues(CollectionName, DisplayNameField, current);
        return string.Equals(legacy, current, StringComparison.Ordinal) || legacy.Length < MinNamePrefix
            ? values
            : [.. values, .. protector.LookupValues(CollectionName, DisplayNameField, legacy)];
    }

    private static bool HoldsPersonalData(Customer customer) =>
        customer.DisplayName != Customer.ErasedDisplayName
        || customer.PersonName is not null
        || customer.CompanyName is not null
        || customer.Emails.Count > 0
        || customer.Phones.Count > 0
        || customer.Addresses.Count > 0
        || customer.CustomFields.Values.Any(v => v is TextFieldValue);

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
        string? DisplayName,
        PersonNameDocument? PersonName,
        string? CompanyName,
        List<EmailDocument>? Emails,
        List<PhoneDocument>? Phones,
        List<AddressDocument>? Addresses,
        [property: JsonRequired] List<string> Tags,
        Dictionary<string, CustomFieldDocument>? CustomFields,
        Dictionary<string, string>? TextCustomFields,
        [property: JsonRequired] LifecycleStage LifecycleStage,
        string? OwnerId,
        [property: JsonRequired] List<ExternalIdDocument> ExternalIds,
        [property: JsonRequired] List<ConsentDocument> Consents,
        [property: JsonRequired] Instant CreatedAt,
        [property: JsonRequired] Instant UpdatedAt,
        bool? Erased,
        string? Sealed,
        string? BlindIndexKey,
        string? BlindIndexForm = null,
        int? MatchKeys = null);

    private sealed record MatchKeysProbe(int? MatchKeys);

    private static void ThrowIfOtherFormat(int formatVersion, Guid id)
    {
        if (formatVersion != FormatVersion)
        {
            throw new CrmStorageException($"Customer '{id}' is stored in format {formatVersion}; this version of Crm.Sdk reads format {FormatVersion}.", null);
        }
    }

    private sealed record OwnerProbe([property: JsonRequired] int FormatVersion, string? DisplayName, string? OwnerId, bool? Erased, string? Sealed);

    private sealed record BlindIndexKeyProbe(string? BlindIndexKey, string? BlindIndexForm);

    private sealed record PersonNameDocument(string? GivenName, string? FamilyName, string? MiddleName);

    private sealed record EmailDocument([property: JsonRequired] string Address, string? Label, [property: JsonRequired] bool IsPrimary);

    private sealed record PhoneDocument([property: JsonRequired] string Raw, [property: JsonRequired] string E164, string? Label);

    private sealed record AddressDocument([property: JsonRequired] AddressKind Kind, [property: JsonRequired] List<string> Lines, string? City, string? Region, string? PostalCode, [property: JsonRequired] string Country);

    private sealed record CustomFieldDocument([property: JsonRequired] CustomFieldType Type, string? Text, decimal? Number, LocalDate? Date, bool? Boolean);

    private sealed record ExternalIdDocument([property: JsonRequired] string Source, [property: JsonRequired] string Value);

    private sealed record ConsentDocument([property: JsonRequired] ConsentChannel Channel, [property: JsonRequired] ConsentStatus Status, [property: JsonRequired] Instant At, [property: JsonRequired] string Source);
}
