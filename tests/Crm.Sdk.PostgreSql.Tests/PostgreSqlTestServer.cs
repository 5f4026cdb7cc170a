namespace Crm.Sdk.PostgreSql.Tests;

/// <summary>
/// Where the tests find their PostgreSQL server: the connection string in the environment variable
/// <c>CRM_TEST_POSTGRES</c> (CI starts a throwaway cluster with <c>.ci/postgres.sh</c>). Without it every test of this
/// project is skipped, except under CI (<c>CI=true</c>), where a missing server must fail the build, never skip silently.
/// </summary>
public static class PostgreSqlTestServer
{
    /// <summary>The environment variable that holds the connection string.</summary>
    public const string Variable = "CRM_TEST_POSTGRES";

    /// <summary>The connection string, or <see langword="null"/> when the variable is not set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether the tests run under CI, where they must not be skipped.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>Why the tests are skipped, or <see langword="null"/> when they run (a server is given, or CI demands one).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"No PostgreSQL server: set {Variable} to an Npgsql connection string (for example from .ci/postgres.sh start) to run the PostgreSQL tests."
        : null;

    /// <summary>The connection string, or a clear failure when it is missing.</summary>
    /// <returns>The connection string.</returns>
    /// <exception cref="InvalidOperationException">The variable is not set.</exception>
    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException(
            $"{Variable} is not set{(IsCi ? " under CI (CI=true): the PostgreSQL tests must run there, start a server with .ci/postgres.sh" : string.Empty)}.");
}
