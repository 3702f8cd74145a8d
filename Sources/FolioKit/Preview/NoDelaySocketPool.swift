import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// FlyingFox's own socket pool, with Nagle's algorithm off on every socket it waits on. The
/// server writes a response's head and its body separately; with the algorithm on, the body
/// waited for the browser to acknowledge the head, which browsers delay by 40 ms: a third of
/// what showing a saved page took. The listening socket is among those waited on (its first
/// accept finds no one), and connections accepted from it inherit the option.
struct NoDelaySocketPool<Pool: AsyncSocketPool>: AsyncSocketPool {
    let pool: Pool

    func prepare() async throws { try await pool.prepare() }

    func run() async throws { try await pool.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // Refused by sockets that are not TCP, which then have no delay to turn off.
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await pool.suspendSocket(socket, untilReadyFor: events)
    }
}
