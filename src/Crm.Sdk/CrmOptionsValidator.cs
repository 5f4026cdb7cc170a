using Crm.Sdk.Customers;
using Microsoft.Extensions.Options;

namespace Crm.Sdk;

/// <summary>Refuses options that would fail later: no storage provider, a bad default phone region, invalid or repeated custom fields.</summary>
internal sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.StorageProviderName))
        {
            failures.Add("No storage provider is configured: chain .UseSqlite(\"crm.db\") (package Crm.Sdk.Sqlite) or .UsePostgreSql(connectionString) (package Crm.Sdk.PostgreSql) on services.AddCrm().");
        }

        if (!PhoneNumber.TryResolveRegion(options.DefaultPhoneRegion, out _, out var regionError))
        {
            failures.Add("CrmOptions.DefaultPhoneRegion " + regionError);
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
