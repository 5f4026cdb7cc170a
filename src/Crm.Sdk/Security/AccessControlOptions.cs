namespace Crm.Sdk.Security;

/// <summary>The roles and teams of access control (<c>AddAccessControl</c>); bindable from configuration.</summary>
public sealed class AccessControlOptions
{
    /// <summary>The roles by name; starts with the <see cref="BuiltInRoles"/>, which a host may change, remove or replace.</summary>
    public IDictionary<string, CrmRoleOptions> Roles { get; } = BuiltInRoles.Create();

    /// <summary>
    /// The members (user ids) of each team, by team id, for the <see cref="AccessLevel.Team"/> level; used unless the host
    /// registers its own <see cref="ICrmTeamDirectory"/>.
    /// </summary>
    public IDictionary<string, IList<string>> Teams { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
}
