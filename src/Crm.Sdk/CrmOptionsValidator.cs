using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Refuses options that would fail later: no storage provider, a bad calling code, invalid or repeated custom fields.</summary>
internal sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.StorageProviderName))
        {
            failures.Add("No storage provider is configured: chain .UseSqlite(\"crm.db\") (package Crm.Sdk.Sqlite) or .UsePostgreSql(connectionString) (package Crm.Sdk.PostgreSql) on services.AddCrm().");
        }

        if (options.DefaultCountryCallingCode is { } code && (code.Length is < 1 or > 3 || !code.All(char.IsAsciiDigit) || code[0] == '0'))
        {
            failures.Add($"CrmOptions.DefaultCountryCallingCode '{code}' must be 1 to 3 digits not starting with 0, for example \"44\".");
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in options.CustomFields)
        {
            if (field is null)
            {
                failures.Add("CrmOptions.CustomFields contains a null definition.");
            }
            else if (!keys.Add(field.Key))
            {
                failures.Add($"CrmOptions.CustomFields defines '{field.Key}' twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
