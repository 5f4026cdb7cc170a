namespace Crm.Sdk.Import;

/// <summary>Progress of an import, reported after each committed batch.</summary>
/// <param name="RowsDone">Rows accounted for so far (committed, or decided for a dry run), resumed rows included.</param>
/// <param name="BytesRead">Bytes of the source read so far, for a progress bar.</param>
/// <param name="Created">Rows created so far.</param>
/// <param name="Rejected">Rows rejected so far.</param>
public sealed record ImportProgress(long RowsDone, long BytesRead, long Created, long Rejected);
