namespace Crm.Sdk.Privacy;

/// <summary>How far a subject access export has come.</summary>
/// <param name="Section">The part being written.</param>
/// <param name="RecordsWritten">The records written so far, all parts together.</param>
public readonly record struct SubjectExportProgress(SubjectExportSection Section, long RecordsWritten);
