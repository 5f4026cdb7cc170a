using System.Text.Json.Serialization;
using NodaTime;

namespace Crm.Sdk.Duplicates;

/// <summary>A merge's journal (see <see cref="MergeJournalMapping"/>).</summary>
internal sealed record MergeJournal(
    [property: JsonRequired] int FormatVersion,
    [property: JsonRequired] Guid MergeId,
    [property: JsonRequired] Instant MergedAt,
    [property: JsonRequired] JournalRecord Survivor,
    [property: JsonRequired] JournalRecord Duplicate,
    [property: JsonRequired] List<JournalRecord> Records);
