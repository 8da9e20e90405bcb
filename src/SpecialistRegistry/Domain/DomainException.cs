namespace SpecialistRegistry.Domain;

/// <summary>A rule of the domain was broken; the message is written for the person at the screen.</summary>
public sealed class DomainException(string message) : Exception(message);
