package com.sellavie.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread.ofPlatform().daemon().start(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket socket = connect()) {
            assertThat(roundTrip(socket, "hello")).isEqualTo("hello");
        }
    }

    @Test
    void cutResetsOpenConnectionsAndRefusesNewOnesUntilRestored() throws IOException {
        Socket before = connect();
        roundTrip(before, "a");

        proxy.cut();

        assertThatThrownBy(() -> {
            before.getOutputStream().write('b');
            before.getOutputStream().flush();
            if (before.getInputStream().read() < 0) {
                throw new IOException("closed");
            }
        }).isInstanceOf(IOException.class);
        try (Socket during = connect()) {
            assertThatThrownBy(() -> {
                during.getOutputStream().write('c');
                if (during.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
        proxy.restore();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "d")).isEqualTo("d");
        }
    }

    @Test
    void blackholeHoldsTrafficWithoutClosingThenDeliversItOnRestore() throws IOException {
        try (Socket socket = connect()) {
            roundTrip(socket, "x");
            proxy.blackhole();
            socket.setSoTimeout(300);
            socket.getOutputStream().write('y');
            socket.getOutputStream().flush();
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).isEqualTo(1);

            proxy.restore();
            socket.setSoTimeout(5_000);
            assertThat(socket.getInputStream().read()).isEqualTo('y');
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes());
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = in.readNBytes(text.length());
        return new String(buffer);
    }
}
