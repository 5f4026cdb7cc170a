namespace Crm.Sdk.Privacy;

/// <summary>
/// The subject access export (GDPR Art. 15 and 20): everything the CRM holds about one customer as one JSON document,
/// written by <see cref="Customers.ICustomerService.ExportAsync"/>. The document's layout is versioned by
/// <see cref="SchemaName"/> and <see cref="SchemaVersion"/>, both written at its top; docs/articles/subject-access-export.md
/// describes every field.
/// </summary>
public static class SubjectExport
{
    /// <summary>The name written in the document's <c>schema</c> member.</summary>
    public const string SchemaName = "crm.subject-export";

    /// <summary>
    /// The layout's version, written in the document's <c>schemaVersion</c> member. A change that removes or renames a
    /// member, or changes its meaning, raises it; new members may appear within a version.
    /// </summary>
    public const int SchemaVersion = 1;

    /// <summary>The media type of the document.</summary>
    public const string MediaType = "application/json";
}
