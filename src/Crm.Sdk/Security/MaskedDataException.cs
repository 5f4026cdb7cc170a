namespace Crm.Sdk.Security;

/// <summary>
/// Thrown when a record read with its personal data masked (the actor's roles do not see personal data, see
/// <see cref="CrmRoleOptions.SeesPersonalData"/>) is handed back to be saved: saving it would overwrite the real values
/// with their masks. Nothing was written. Change such a record through a command (<c>ChangeLifecycleStageAsync</c>,
/// <c>AssignOwnerAsync</c>, <c>AddCommentAsync</c>, …), which reads the real record inside the SDK, or as an actor who
/// sees personal data.
/// </summary>
public sealed class MaskedDataException : CrmException
{
    /// <summary>The rule broken: <c>masked-record</c>.</summary>
    public const string MaskedRecordRule = "masked-record";

    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The kind of record, for example <c>Customer</c>.</param>
    /// <param name="recordId">The record.</param>
    public MaskedDataException(string entityType, Guid recordId)
        : base($"{entityType} {recordId} was read with its personal data masked and cannot be saved (rule '{MaskedRecordRule}'): " +
               "saving it would overwrite the real values with masks. Nothing was written. Change it with a command of its service, " +
               "or read it as an actor whose role sees personal data.")
    {
        EntityType = entityType;
        RecordId = recordId;
    }

    /// <summary>The kind of record, for example <c>Customer</c>.</summary>
    public string EntityType { get; }

    /// <summary>The record.</summary>
    public Guid RecordId { get; }

    /// <summary>The rule broken: always <see cref="MaskedRecordRule"/>.</summary>
    public string Rule { get; } = MaskedRecordRule;
}
