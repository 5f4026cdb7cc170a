using System.Text.Json.Serialization;

namespace Crm.Sdk.Duplicates;

/// <summary>One record in a journal: its stored document before the merge, and its version after (0 when the merge deleted it).</summary>
internal sealed record JournalRecord(
    [property: JsonRequired] string Collection,
    [property: JsonRequired] Guid Id,
    [property: JsonRequired] long VersionBefore,
    [property: JsonRequired] long VersionAfter,
    [property: JsonRequired] string BodyBefore);
