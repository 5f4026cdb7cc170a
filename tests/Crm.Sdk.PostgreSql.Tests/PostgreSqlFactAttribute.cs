using Xunit;

namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>A fact that needs the PostgreSQL test server: skipped when <see cref="PostgreSqlTestServer.SkipReason"/> says so.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
