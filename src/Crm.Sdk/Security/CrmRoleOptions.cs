namespace Crm.Sdk.Security;

/// <summary>One role: an access level per resource and action, and whether its holders see personal data unmasked.</summary>
public sealed class CrmRoleOptions
{
    /// <summary>
    /// The access level of each permission, keyed <c>resource.action</c> in lower case, for example <c>customers.read</c>
    /// or <c>tickets.update</c> (see <see cref="CrmResource"/> and <see cref="CrmAction"/>); a permission not listed is
    /// <see cref="AccessLevel.None"/>. Bindable from configuration (<c>"Permissions": { "customers.read": "Team" }</c>).
    /// </summary>
    public IDictionary<string, AccessLevel> Permissions { get; } = new Dictionary<string, AccessLevel>(StringComparer.Ordinal);

    /// <summary>Whether holders of the role see personal fields unmasked (names, emails, phones, addresses, free text). Default <see langword="true"/>.</summary>
    public bool SeesPersonalData { get; set; } = true;

    /// <summary>The key of a permission in <see cref="Permissions"/>: <c>resource.action</c> in lower case.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="action">The action.</param>
    /// <returns>For example <c>customers.read</c>.</returns>
    public static string Key(CrmResource resource, CrmAction action) =>
        $"{resource.ToString().ToLowerInvariant()}.{action.ToString().ToLowerInvariant()}";

    /// <summary>Sets the level of several actions on a resource.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="level">The level.</param>
    /// <param name="actions">The actions.</param>
    /// <returns>This role, to chain calls.</returns>
    public CrmRoleOptions Allow(CrmResource resource, AccessLevel level, params CrmAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            Permissions[Key(resource, action)] = level;
        }

        return this;
    }
}
