using Microsoft.Extensions.Options;

namespace Crm.Sdk.Security;

/// <summary>Checks <see cref="AccessControlOptions"/>: every permission key names a resource and an action, every level is defined.</summary>
internal sealed class AccessControlOptionsValidator : IValidateOptions<AccessControlOptions>
{
    private static readonly HashSet<string> Keys = Enum.GetValues<CrmResource>()
        .SelectMany(r => Enum.GetValues<CrmAction>().Select(a => CrmRoleOptions.Key(r, a)))
        .ToHashSet(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, AccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var (roleName, role) in options.Roles)
        {
            if (string.IsNullOrWhiteSpace(roleName) || role is null)
            {
                problems.Add("AccessControlOptions.Roles holds a role with a blank name or no definition.");
                continue;
            }

            foreach (var (key, level) in role.Permissions)
            {
                if (!Keys.Contains(key))
                {
                    problems.Add($"AccessControlOptions.Roles['{roleName}'].Permissions names '{key}', which is not 'resource.action' (for example 'customers.read').");
                }
                else if (!Enum.IsDefined(level))
                {
                    problems.Add($"AccessControlOptions.Roles['{roleName}'].Permissions['{key}'] is {(int)level}, which is not an AccessLevel.");
                }
            }
        }

        foreach (var (team, members) in options.Teams)
        {
            if (string.IsNullOrWhiteSpace(team) || members is null || members.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"AccessControlOptions.Teams['{team}'] has a blank id or a blank member.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
