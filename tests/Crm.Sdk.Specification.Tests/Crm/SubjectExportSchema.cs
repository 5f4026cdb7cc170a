using System.Text.Json;
using Crm.Sdk.Privacy;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The field tables of docs/articles/subject-access-export.md as a check: every member the schema lists is present with
/// its JSON type (<c>?</c> allows null), and no member the schema does not list appears.
/// </summary>
public static class SubjectExportSchema
{
    private static readonly Dictionary<string, string> Root = new()
    {
        ["schema"] = "string", ["schemaVersion"] = "number", ["exportedAt"] = "string", ["exportedBy"] = "string",
        ["customerId"] = "string", ["erased"] = "bool", ["profile"] = "object", ["consents"] = "object",
        ["interactions"] = "array", ["deals"] = "array", ["tickets"] = "array", ["auditEntries"] = "array?", ["counts"] = "object",
    };

    private static readonly Dictionary<string, string> Profile = new()
    {
        ["id"] = "string", ["version"] = "number", ["kind"] = "string", ["erased"] = "bool", ["displayName"] = "string",
        ["personName"] = "object?", ["companyName"] = "string?", ["emails"] = "array", ["phones"] = "array", ["addresses"] = "array",
        ["tags"] = "array", ["customFields"] = "object", ["lifecycleStage"] = "string", ["ownerId"] = "string?",
        ["externalIds"] = "array", ["createdAt"] = "string", ["updatedAt"] = "string",
    };

    private static readonly Dictionary<string, string> Consent = new() { ["channel"] = "string", ["status"] = "string", ["at"] = "string", ["source"] = "string" };

    private static readonly Dictionary<string, string> Interaction = new()
    {
        ["id"] = "string", ["version"] = "number", ["kind"] = "string", ["channel"] = "string", ["direction"] = "string",
        ["occurredAt"] = "string", ["recordedAt"] = "string", ["erased"] = "bool", ["subject"] = "string?", ["body"] = "string?",
        ["participants"] = "array", ["transaction"] = "object?", ["feedback"] = "object?", ["behaviourEvent"] = "object?",
        ["dealId"] = "string?", ["ticketId"] = "string?",
    };

    private static readonly Dictionary<string, string> Deal = new()
    {
        ["id"] = "string", ["version"] = "number", ["name"] = "string", ["amount"] = "number", ["currency"] = "string", ["status"] = "string",
        ["pipelineId"] = "string", ["pipelineName"] = "string?", ["stageId"] = "string", ["stageName"] = "string?",
        ["expectedCloseDate"] = "string?", ["ownerId"] = "string?", ["lostReason"] = "string?", ["closedAt"] = "string?",
        ["createdAt"] = "string", ["updatedAt"] = "string", ["stageHistory"] = "array",
    };

    private static readonly Dictionary<string, string> Ticket = new()
    {
        ["id"] = "string", ["version"] = "number", ["type"] = "string", ["erased"] = "bool", ["subject"] = "string", ["description"] = "string?",
        ["priority"] = "string", ["status"] = "string", ["assigneeId"] = "string?", ["comments"] = "array", ["satisfaction"] = "object?",
        ["createdAt"] = "string", ["updatedAt"] = "string", ["firstResponseAt"] = "string?", ["resolvedAt"] = "string?",
        ["closedAt"] = "string?", ["reopenCount"] = "number",
    };

    private static readonly Dictionary<string, string> AuditEntry = new()
    {
        ["sequence"] = "number", ["at"] = "string", ["actorId"] = "string", ["action"] = "string", ["resource"] = "string",
        ["outcome"] = "string", ["recordIds"] = "array", ["fields"] = "array", ["hash"] = "string",
    };

    private static readonly Dictionary<string, string> Counts = new() { ["interactions"] = "number", ["deals"] = "number", ["tickets"] = "number", ["auditEntries"] = "number" };

    /// <summary>Checks a whole document.</summary>
    /// <param name="root">The document's root.</param>
    public static void Check(JsonElement root)
    {
        Object(root, Root, "$");
        Assert.Equal(SubjectExport.SchemaName, root.GetProperty("schema").GetString());
        Assert.Equal(SubjectExport.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Object(root.GetProperty("profile"), Profile, "$.profile");
        Object(root.GetProperty("counts"), Counts, "$.counts");
        foreach (var part in new[] { "current", "history" })
        {
            Each(root.GetProperty("consents").GetProperty(part), Consent, $"$.consents.{part}");
        }

        Each(root.GetProperty("interactions"), Interaction, "$.interactions");
        Each(root.GetProperty("deals"), Deal, "$.deals");
        Each(root.GetProperty("tickets"), Ticket, "$.tickets");
        if (root.GetProperty("auditEntries").ValueKind == JsonValueKind.Array)
        {
            Each(root.GetProperty("auditEntries"), AuditEntry, "$.auditEntries");
        }
    }

    private static void Each(JsonElement array, Dictionary<string, string> fields, string path)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            Object(item, fields, $"{path}[{index++}]");
        }
    }

    private static void Object(JsonElement element, Dictionary<string, string> fields, string path)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var names = element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(names.SetEquals(fields.Keys), $"{path} has members [{string.Join(", ", names.Order(StringComparer.Ordinal))}], the schema [{string.Join(", ", fields.Keys.Order(StringComparer.Ordinal))}].");
        foreach (var (name, type) in fields)
        {
            var value = element.GetProperty(name);
            var nullable = type.EndsWith('?');
            if (nullable && value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var expected = type.TrimEnd('?') switch
            {
                "string" => new[] { JsonValueKind.String },
                "number" => [JsonValueKind.Number],
                "bool" => [JsonValueKind.True, JsonValueKind.False],
                "object" => [JsonValueKind.Object],
                _ => [JsonValueKind.Array],
            };
            Assert.True(expected.Contains(value.ValueKind), $"{path}.{name} is {value.ValueKind}, the schema says {type}.");
        }
    }
}
