using System.Net.Sockets;
using Npgsql;

namespace Crm.Sdk.PostgreSql;

/// <summary>Wraps Npgsql's failures in <see cref="CrmStorageException"/>, telling which ones are worth a retry.</summary>
internal static class StorageErrors
{
    /// <summary>SQLSTATE of a unique violation.</summary>
    public const string UniqueViolation = "23505";

    public static CrmStorageException Wrap(string doing, Exception ex) =>
        new($"PostgreSQL failed while {doing}: {ex.Message}", ex) { IsTransient = IsTransient(ex) };

    /// <summary>
    /// Whether retrying may succeed: what Npgsql calls transient (I/O and timeouts, lack of resources), serialization
    /// failures and deadlocks, a server shutting down or a terminated backend, and lost connections.
    /// </summary>
    public static bool IsTransient(Exception ex)
    {
        if (ex is PostgresException postgres)
        {
            return postgres.IsTransient
                || postgres.SqlState is "40001" or "40P01" or "57P01" or "57P02" or "57P03" or "55P03" or "53300"
                || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
        }

        return ex switch
        {
            NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
            IOException or SocketException or TimeoutException => true,
            _ => false,
        };
    }

    /// <summary>Whether an exception is a database failure the provider wraps (not an argument error or a cancellation).</summary>
    public static bool IsDatabaseFailure(Exception ex) => ex is NpgsqlException or IOException or SocketException or TimeoutException;
}
