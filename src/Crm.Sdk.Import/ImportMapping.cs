using System.Globalization;
using System.Text.Json;

namespace Crm.Sdk.Import;

/// <summary>
/// How rows of a source file become CRM records, and back for export: built in code or read from a JSON file a person
/// writes (<see cref="Load"/>; schema in docs/articles/import.md). Unknown keys and bad values are rejected with an
/// <see cref="ImportMappingException"/> naming the key and, for a file, its line and position.
/// </summary>
public sealed class ImportMapping
{
    /// <summary>The customer fields a mapping can fill (plus <c>custom.&lt;key&gt;</c> for a registered custom field).</summary>
    public static IReadOnlyList<string> CustomerFields { get; } =
        ["displayName", "givenName", "familyName", "companyName", "email", "phone", "kind", "lifecycleStage", "ownerId", "tags"];

    /// <summary>The interaction fields a mapping can fill.</summary>
    public static IReadOnlyList<string> InteractionFields { get; } =
        ["kind", "channel", "direction", "occurredAt", "subject", "body", "orderReference", "amount", "currency"];

    /// <summary>The deal fields a mapping can fill.</summary>
    public static IReadOnlyList<string> DealFields { get; } = ["name", "amount", "currency", "stage", "expectedCloseDate", "ownerId"];

    /// <summary>What each row becomes.</summary>
    public ImportKind Kind { get; set; }

    /// <summary>How the source file is read.</summary>
    public SourceOptions Source { get; set; } = new();

    /// <summary>What identifies each row's customer.</summary>
    public RecordKey Key { get; set; } = new();

    /// <summary>What to do when the record exists already (default <see cref="MatchPolicy.Update"/>).</summary>
    public MatchPolicy OnMatch { get; set; } = MatchPolicy.Update;

    /// <summary>For interactions: create a row's customer (from <see cref="Customer"/>) when no customer has its key (default true).</summary>
    public bool CreateCustomers { get; set; } = true;

    /// <summary>The currency of amounts when no <c>currency</c> field gives one (ISO 4217).</summary>
    public string? DefaultCurrency { get; set; }

    /// <summary>For deals: the name of the (existing) pipeline the deals go into.</summary>
    public string? Pipeline { get; set; }

    /// <summary>
    /// The columns whose values identify a row for duplicate detection within the file; default: the record's key for
    /// customers and deals, every column of the row for interactions.
    /// </summary>
    public IList<string>? DuplicateKey { get; set; }

    /// <summary>Customer fields by name (see <see cref="CustomerFields"/>).</summary>
    public IDictionary<string, FieldSource> Customer { get; set; } = new Dictionary<string, FieldSource>(StringComparer.Ordinal);

    /// <summary>Interaction fields by name (see <see cref="InteractionFields"/>).</summary>
    public IDictionary<string, FieldSource> Interaction { get; set; } = new Dictionary<string, FieldSource>(StringComparer.Ordinal);

    /// <summary>Deal fields by name (see <see cref="DealFields"/>).</summary>
    public IDictionary<string, FieldSource> Deal { get; set; } = new Dictionary<string, FieldSource>(StringComparer.Ordinal);

    /// <summary>Reads a mapping file and validates it.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ImportMappingException">The file breaks the schema: the key, line and position are named.</exception>
    public static ImportMapping Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path));
    }

    /// <summary>Reads a mapping from JSON text and validates it.</summary>
    /// <param name="json">The JSON (UTF-8).</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="ImportMappingException">The text breaks the schema: the key, line and position are named.</exception>
    public static ImportMapping Parse(ReadOnlySpan<byte> json)
    {
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(json, MappingJson.Options);
        }
        catch (JsonException ex)
        {
            var message = ex.Message.Split(" Path:", 2)[0];
            throw new ImportMappingException(ex.Path ?? "$", message, (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
        }

        if (mapping is null)
        {
            throw new ImportMappingException("$", "The mapping file is empty (null).", 1, 1);
        }

        try
        {
            mapping.Validate();
        }
        catch (ImportMappingException ex) when (ex.LineNumber is null)
        {
            var (line, position) = MappingJson.Locate(json, ex.Key);
            throw new ImportMappingException(ex.Key, ex.Message.Split(" (key '", 2)[0], line, position);
        }

        return mapping;
    }

    /// <summary>Writes the mapping as JSON, in the file schema.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, MappingJson.Options);

    /// <summary>Checks the mapping: every field name known, exactly one value source per field, cultures, currencies, the key.</summary>
    /// <exception cref="ImportMappingException">A part is not valid; the key names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ImportMappingException("$.kind", "The kind is missing or unknown: use customers, interactions or deals.");
        }

        if (Source.Delimiter is not { Length: 1 } && Source.Delimiter != "\\t")
        {
            throw new ImportMappingException("$.source.delimiter", "The delimiter must be one character.");
        }

        _ = SourceText.EncodingOf(Source.Encoding, "$.source.encoding");
        _ = FieldParsers.CultureOf(Source.Culture, "$.source.culture");
        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(Source.TimeZone) is null)
        {
            throw new ImportMappingException("$.source.timeZone", $"'{Source.TimeZone}' is not a TZDB time zone id.");
        }

        if (Key.Value is null)
        {
            throw new ImportMappingException("$.key.value", "The record key needs a value (for example { \"column\": \"CustomerID\" }).");
        }

        ValidateSource(Key.Value, "$.key.value");
        if (Key.By == RecordKeyKind.ExternalId && string.IsNullOrWhiteSpace(Key.Source))
        {
            throw new ImportMappingException("$.key.source", "An external-id key needs the source system's name.");
        }

        if (DefaultCurrency is not null && Money.Validate(1m, DefaultCurrency, "amount", "currency").Count > 0)
        {
            throw new ImportMappingException("$.defaultCurrency", $"'{DefaultCurrency}' is not an ISO 4217 currency code.");
        }

        ValidateFields(Customer, "customer", CustomerFields, allowCustom: true);
        ValidateFields(Interaction, "interaction", InteractionFields, allowCustom: false);
        ValidateFields(Deal, "deal", DealFields, allowCustom: false);
        if (Kind == ImportKind.Deals && string.IsNullOrWhiteSpace(Pipeline))
        {
            throw new ImportMappingException("$.pipeline", "A deal import names the pipeline its deals go into.");
        }

        if (Kind == ImportKind.Deals && !Deal.ContainsKey("name"))
        {
            throw new ImportMappingException("$.deal", "A deal import maps the deal's name (it identifies the deal within its customer).");
        }

        if (Kind == ImportKind.Interactions && !Interaction.ContainsKey("kind"))
        {
            throw new ImportMappingException("$.interaction", "An interaction import maps the interaction's kind (a constant or a column).");
        }
    }

    private static void ValidateFields(IDictionary<string, FieldSource> fields, string section, IReadOnlyList<string> known, bool allowCustom)
    {
        foreach (var (name, source) in fields)
        {
            var key = $"$.{section}.{name}";
            var isCustom = allowCustom && name.StartsWith("custom.", StringComparison.Ordinal) && name.Length > 7;
            if (!isCustom && !known.Contains(name))
            {
                throw new ImportMappingException(key, $"Unknown {section} field '{name}': use one of {string.Join(", ", known)}{(allowCustom ? " or custom.<key>" : string.Empty)}.");
            }

            if (source is null)
            {
                throw new ImportMappingException(key, "The field needs a source (column, columns, multiply, constant or when).");
            }

            ValidateSource(source, key);
        }
    }

    private static void ValidateSource(FieldSource source, string key)
    {
        var count = (source.Column is null ? 0 : 1) + (source.Columns is null ? 0 : 1) + (source.Multiply is null ? 0 : 1)
            + (source.Constant is null ? 0 : 1) + (source.When is null ? 0 : 1);
        if (count != 1)
        {
            throw new ImportMappingException(key, "Give exactly one of column, columns, multiply, constant or when.");
        }

        if (source.Multiply is { Count: < 2 })
        {
            throw new ImportMappingException(key + ".multiply", "Multiply needs two or more columns.");
        }

        if (source.Columns is { Count: 0 })
        {
            throw new ImportMappingException(key + ".columns", "Columns needs at least one column.");
        }

        if (source.Part is < -2)
        {
            throw new ImportMappingException(key + ".part", "Part is 0 or more, -1 (last) or -2 (all but the first).");
        }

        if (!Enum.IsDefined(source.Case))
        {
            throw new ImportMappingException(key + ".case", "Case is none, upper, lower or title.");
        }

        _ = FieldParsers.CultureOf(source.Culture, key + ".culture");
        if (source.Format is not null)
        {
            _ = FieldParsers.CheckPattern(source.Format, FieldParsers.CultureOf(source.Culture, key + ".culture") ?? CultureInfo.InvariantCulture, key + ".format");
        }

        if (source.When is { } rules)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (rule?.Column is null || rule.Value is null || (rule.StartsWith is null && rule.EqualTo is null && rule.Negative is null))
                {
                    throw new ImportMappingException($"{key}.when[{i}]", "A rule needs column, value and one test (startsWith, equalTo or negative).");
                }
            }
        }
    }
}
