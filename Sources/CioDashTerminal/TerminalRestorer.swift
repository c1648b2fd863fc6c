import CNcursesw
import CioDashCore
import Glibc
import Synchronization

/// The one routine that gives the terminal back, and the exit and signal hooks that call it.
///
/// Swift traps do not unwind and SIGHUP has no ncurses handler, so without these hooks a crash or a
/// closed window leaves the shell on the alternate screen with the cursor hidden and echo off.
/// Whoever comes first (normal exit, an error path, `atexit`, a signal) restores; the rest do nothing.
/// A signal also removes the folder registered with `TerminationCleanup` (a follower's received files).
enum TerminalRestorer {
    /// Signals whose default action ends the process: it ends with status 128 + signal. Every one of
    /// them, not only the usual three (SIGUSR1 or SIGALRM from a script left the alternate screen on),
    /// including the real-time signals, whose default action is to terminate too.
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
                                              SIGPROF, SIGPIPE, SIGSTKFLT, SIGPWR, SIGIO]
        + Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    /// Signals a user or the system sends that end the process with a core dump: after restoring, the
    /// default action, so that SIGQUIT (Ctrl-\ from another shell, `kill -QUIT`) dumps core without
    /// the Swift backtracer drawing a crash report over the screen and waiting 30 s for a key.
    static let coreSignals: [Int32] = [SIGQUIT, SIGXCPU, SIGXFSZ, SIGSYS]
    /// Crashes: after restoring, the previous disposition (SIG_DFL, or the Swift runtime's backtracer)
    /// gets the signal again, so the crash is still reported and still dumps core.
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGFPE]

    private static let idle = 0, active = 1, restored = 2

    /// Called right after `newterm`; the hooks stay installed for the life of the process.
    static func arm() {
        _ = screenState.load(ordering: .relaxed)  // initialise the global before a handler can touch it
        installHooksOnce()
        screenState.store(active, ordering: .sequentiallyConsistent)
    }

    static var isActive: Bool { screenState.load(ordering: .sequentiallyConsistent) == active }

    /// Ends curses mode once: `endwin` leaves the alternate screen, shows the cursor, turns the keypad
    /// mode off and puts back the tty modes saved at `newterm`.
    static func restore() {
        // Block the signals we handle, so that none can end the process halfway through endwin.
        var all = sigset_t(), old = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &old)
        restoreNow()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }

    fileprivate static func restoreNow() {
        guard screenState.compareExchange(expected: active, desired: restored, ordering: .sequentiallyConsistent).exchanged
        else { return }
        endwin()
        // Bracketed paste off again (write() is safe in a signal handler), as the shell expects it.
        _ = bracketedPasteOff.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private static var hooksInstalled = false

    private static func installHooksOnce() {
        guard !hooksInstalled else { return }
        hooksInstalled = true
        atexit { TerminalRestorer.restoreNow() }
        // A signal ignored when the hooks are installed stays ignored, as shells keep it: SwiftNIO
        // ignores SIGPIPE (a write to a closed socket must fail with EPIPE, not end the process), and
        // a handler here would end a presenter or follower whose peer went away. (When NIO makes its
        // first socket after this, it replaces the handler with SIG_IGN itself.)
        for sig in terminationSignals where !isIgnored(sig) { install(onTermination, for: sig) }
        for sig in coreSignals { install(onCoreSignal, for: sig) }
        for sig in crashSignals { install(onCrash, for: sig) }
    }

    private static func isIgnored(_ sig: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(sig, nil, &current) == 0, let handler = current.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func install(_ handler: @escaping @convention(c) (Int32) -> Void, for sig: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        // Other signals wait while one handler restores; SA_ONSTACK lets a stack overflow be caught
        // on the alternate stack the Swift runtime sets up for its backtracer.
        sigfillset(&action.sa_mask)
        action.sa_flags = SA_ONSTACK
        sigaction(sig, &action, previousActions + Int(sig))
    }
}

private let screenState = Atomic<Int>(0)
private let bracketedPasteOff: [UInt8] = Array("\u{1B}[?2004l".utf8)

/// Room for every signal number's previous action, filled before any handler can run.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
}()

private func onTermination(_ sig: Int32) {
    TerminalRestorer.restoreNow()
    TerminationCleanup.runFromSignalHandler()
    _exit(128 + sig)
}

private func onCoreSignal(_ sig: Int32) {
    TerminalRestorer.restoreNow()
    TerminationCleanup.runFromSignalHandler()
    signal(sig, SIG_DFL)
    raise(sig)
}

private func onCrash(_ sig: Int32) {
    TerminalRestorer.restoreNow()
    TerminationCleanup.runFromSignalHandler()
    // The raised signal stays pending until this handler returns, then goes to the previous action.
    sigaction(sig, previousActions + Int(sig), nil)
    raise(sig)
}
