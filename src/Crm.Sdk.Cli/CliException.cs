namespace Crm.Sdk.Cli;

/// <summary>A failure the tool explains to the person running it, with the exit code it ends with.</summary>
internal sealed class CliException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="exitCode">One of <see cref="ExitCodes"/>.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CliException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>Creates a failure with exit code <see cref="ExitCodes.Failure"/>.</summary>
    public CliException()
        : this(ExitCodes.Failure, "The command failed.")
    {
    }

    /// <summary>Creates a failure with exit code <see cref="ExitCodes.Failure"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public CliException(string message)
        : this(ExitCodes.Failure, message)
    {
    }

    /// <summary>Creates a failure with exit code <see cref="ExitCodes.Failure"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception innerException)
        : this(ExitCodes.Failure, message, innerException)
    {
    }

    /// <summary>The exit code the tool ends with.</summary>
    public int ExitCode { get; }
}
