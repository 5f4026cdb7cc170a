using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Crm.Sdk.Sqlite.Connections;

/// <summary>
/// A statement prepared once on the writer's connection and run through SQLite's own API: values are bound by position
/// and the statement is stepped and reset, without the per-execution work of an ADO.NET command (a data reader, a
/// parameter lookup by name for every value). Used for the bulk-append path only; errors surface as the same
/// <see cref="SqliteException"/> the ADO.NET path throws.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public NativeStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        ParameterCount = raw.sqlite3_bind_parameter_count(_statement);
    }

    /// <summary>The number of parameters the statement takes (bound by 0-based position).</summary>
    public int ParameterCount { get; }

    /// <summary>Binds a value (byte[], string, long, int, double, or null/<see cref="DBNull"/>) at a 0-based position.</summary>
    public void Bind(int position, object? value)
    {
        var index = position + 1;
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
            string text => raw.sqlite3_bind_text(_statement, index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            double number => raw.sqlite3_bind_double(_statement, index, number),
            _ => throw new ArgumentException($"Cannot bind a value of type {value.GetType()}.", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Runs the statement to completion and resets it for the next values.</summary>
    /// <returns>The number of rows it changed.</returns>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
            {
                // Before the reset, while the connection still holds this error's message.
                SqliteException.ThrowExceptionForRC(rc, _db);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
