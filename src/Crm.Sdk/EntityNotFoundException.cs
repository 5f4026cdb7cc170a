namespace Crm.Sdk;

/// <summary>Thrown when a record that a call needs does not exist (or was deleted).</summary>
public sealed class EntityNotFoundException : CrmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entityType">The kind of record, for example <c>Customer</c>.</param>
    /// <param name="id">The id that was looked up.</param>
    public EntityNotFoundException(string entityType, string id)
        : base($"{entityType} '{id}' was not found.")
    {
        EntityType = entityType;
        Id = id;
    }

    /// <summary>The kind of record, for example <c>Customer</c>.</summary>
    public string EntityType { get; }

    /// <summary>The id that was looked up.</summary>
    public string Id { get; }
}
