namespace SpecialistRegistry.Domain;

/// <summary>A rule of the domain was broken; the message is written for the person at the screen.</summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException(string message, Exception inner) : base(message, inner) { }
}
