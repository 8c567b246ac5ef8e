@echo off
rem kata.cmd: the kata runner on Windows (tools/Kata): status, next, hint, test, watch, reset, grade, verify, bench, train.
dotnet run --project "%~dp0tools\Kata" -c Release -- %*
