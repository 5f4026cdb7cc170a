using System.Security.Cryptography;
using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// A real SQLite file in its own temporary directory, opened through the public registration
/// (<c>AddCrm().UseSqlite(path).AddFieldEncryption(...)</c>) as a host application would, as often as a test needs.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    /// <summary>The custom text field every host here defines (its values are personal data).</summary>
    public const string NotesField = "notes";

    private readonly string _directory = Directory.CreateTempSubdirectory("crm-enc-tests-").FullName;

    public TestDatabase()
    {
        Path = System.IO.Path.Combine(_directory, "crm.db");
    }

    /// <summary>The database file; its write-ahead log is <see cref="WalPath"/>.</summary>
    public string Path { get; }

    public string WalPath => Path + "-wal";

    /// <summary>The clock of every host opened on this database (advances a second per reading).</summary>
    public FakeClock Clock { get; } = new(Instant.FromUtc(2025, 3, 1, 9, 0), Duration.FromSeconds(1));

    /// <summary>A fresh random root key in base64, as <c>openssl rand -base64 32</c> makes.</summary>
    public static string NewRootKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Opens the CRM with field encryption under one root key (id <c>k1</c> unless told).</summary>
    public CrmHost OpenEncrypted(string rootKey, string keyId = "k1", Action<FieldEncryptionOptions>? configure = null) =>
        Open(e =>
        {
            e.RootKeys.Add(new RootKeyOptions { Id = keyId, Base64Key = rootKey });
            configure?.Invoke(e);
        });

    /// <summary>
    /// Opens the CRM; <paramref name="encryption"/> null leaves field encryption off. <paramref name="keyEncryptionKeys"/>,
    /// when given, is registered as the host's key-encryption key provider (a KMS).
    /// </summary>
    public CrmHost Open(Action<FieldEncryptionOptions>? encryption, IKeyEncryptionKeyProvider? keyEncryptionKeys = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock);
        if (keyEncryptionKeys is not null)
        {
            services.AddSingleton(keyEncryptionKeys);
        }

        var builder = services
            .AddCrm(o =>
            {
                o.DefaultPhoneRegion = "GB";
                o.CustomFields.Add(new CustomFieldDefinition(NotesField, "Notes", CustomFieldType.Text));
            })
            .UseSqlite(Path, o => o.Synchronous = SqliteSynchronousMode.Normal);
        if (encryption is not null)
        {
            builder.AddFieldEncryption(encryption);
        }

        return new CrmHost(services.BuildServiceProvider());
    }

    /// <summary>A connection straight to the file, bypassing the SDK (an auditor's or an attacker's view).</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs one SQL statement on the raw file and returns its first value.</summary>
    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    /// <summary>Runs SQL on the raw file and returns every value of the first column.</summary>
    public IReadOnlyList<string> Column(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Runs SQL on the raw file.</summary>
    public int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>The id column value of a record (16 big-endian bytes, the storage layout of a GUID).</summary>
    public static byte[] IdBytes(Guid id) => id.ToByteArray(bigEndian: true);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Still open somewhere; the system cleans its temporary directory.
        }
    }
}
