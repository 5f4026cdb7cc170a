using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Relational;

/// <summary>
/// Provider kit: the parameters of one SQL statement as the relational core builds it. A provider derives one class
/// that adds its own parameter objects (named <c>@p0</c>, positional <c>$1</c>, ...) and hands them to its commands;
/// <see cref="SqlDialect.CreateParameters"/> creates it.
/// </summary>
public abstract class SqlParameters
{
    /// <summary>Adds a parameter and returns its placeholder, to write into the SQL text.</summary>
    /// <param name="value">
    /// The value as the database takes it (from <see cref="SqlDialect.ToStored"/>, <see cref="SqlDialect.ToComparable"/>,
    /// <see cref="SqlDialect.ToBound"/> or <see cref="SqlDialect.EncodeId"/>), or a <see cref="long"/> for a limit.
    /// </param>
    /// <param name="type">The index type the value belongs to (<see cref="IndexValueType.Uuid"/> for ids, <see cref="IndexValueType.WholeNumber"/> for limits).</param>
    /// <returns>The placeholder.</returns>
    public abstract string Add(object value, IndexValueType type);
}
