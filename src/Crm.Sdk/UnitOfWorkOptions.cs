namespace Crm.Sdk;

/// <summary>How a unit of work begun with <see cref="ICrm.BeginUnitOfWork(UnitOfWorkOptions)"/> checks access and audits.</summary>
public sealed class UnitOfWorkOptions
{
    /// <summary>The options of <see cref="ICrm.BeginUnitOfWork()"/>: ordinary changes.</summary>
    public static UnitOfWorkOptions Default { get; } = new();

    /// <summary>Why the unit of work writes (default <see cref="UnitOfWorkPurpose.Changes"/>).</summary>
    public UnitOfWorkPurpose Purpose { get; init; } = UnitOfWorkPurpose.Changes;
}
